/**
 * Which pulses this phone has answered, so that a reload does not ask again. Only the pulse's id
 * is kept, never the value chosen: the answer stays anonymous on the device too. Kept for the tab
 * (sessionStorage); when storage is blocked the server's `already_answered` says the same.
 */
const keyFor = (code: string) => `circlekeeper:pulses-answered:${code.toUpperCase()}`;
/** A pulse id answered in this page, for when storage is blocked. */
const answeredHere = new Set<string>();
const KEEP = 20;

function stored(code: string): string[] {
  try {
    const raw = sessionStorage.getItem(keyFor(code));
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function hasAnswered(code: string, pulseId: string): boolean {
  return answeredHere.has(`${code}:${pulseId}`) || stored(code).includes(pulseId);
}

export function rememberAnswered(code: string, pulseId: string): void {
  answeredHere.add(`${code}:${pulseId}`);
  try {
    const ids = [...stored(code).filter((id) => id !== pulseId), pulseId].slice(-KEEP);
    sessionStorage.setItem(keyFor(code), JSON.stringify(ids));
  } catch {
    // storage blocked: remembered for this page only
  }
}
