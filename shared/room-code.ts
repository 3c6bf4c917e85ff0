/** Room codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;
const ROOM_CODE_PATTERN = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** Upper-cases and trims; returns null when the text cannot be a room code. */
export function normalizeRoomCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return ROOM_CODE_PATTERN.test(code) ? code : null;
}
