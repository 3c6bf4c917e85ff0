import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../shared/room-code';

/** 192 random bits, URL-safe: facilitator keys, display keys and member tokens. */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Secrets are stored only as SHA-256 hashes (they carry 192 bits, so a fast hash is enough). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Compares a presented secret with a stored hash in constant time. */
export function matchesHash(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

/** Member ids are public (in every view) but need not be guessable-hard: 64 random bits. */
export function newMemberId(): string {
  return `m${randomBytes(8).toString('base64url')}`;
}
