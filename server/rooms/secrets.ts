import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../shared/room-code';

/**
 * Bytes from the system's CSPRNG, drawn from a pool filled 4 KB at a time, as Node's randomUUID
 * does: each call into OpenSSL costs tens of microseconds on a loaded server, and a reconnect
 * storm makes two per member (an id and a token). Every byte is handed out once.
 */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;
function randomChunk(size: number): Buffer {
  if (used + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  used += size;
  return pool.subarray(used - size, used);
}

/** 192 random bits, URL-safe: facilitator keys, display keys and member tokens. */
export function newSecret(): string {
  return randomChunk(24).toString('base64url');
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
  return `m${randomChunk(8).toString('base64url')}`;
}
