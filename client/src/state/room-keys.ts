/**
 * Facilitator and display keys arrive in the URL fragment (`#key=…`), which never reaches a
 * server log or a Referer. The page keeps the key in sessionStorage per room (so a reload
 * still works) and removes it from the address bar, where someone could read it off the screen.
 */
export type KeyedFace = 'facilitator' | 'display';

const storageKey = (face: KeyedFace, code: string) => `circlekeeper:${face}-key:${code.toUpperCase()}`;
/** Keys taken by this page, for when storage is blocked (and for StrictMode's second render). */
const taken = new Map<string, string>();

/** The key in a fragment like `#key=abc`, or null. */
export function keyFromFragment(hash: string): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('key');
  return key === null || key === '' ? null : key;
}

/** Takes the key from the address bar (removing it there) or from this tab's storage. */
export function takeRoomKey(face: KeyedFace, code: string): string | null {
  const where = storageKey(face, code);
  const fromFragment = keyFromFragment(window.location.hash);
  if (fromFragment !== null) {
    taken.set(where, fromFragment);
    try {
      sessionStorage.setItem(where, fromFragment);
    } catch {
      // storage blocked: the key lives in `taken` for this page only
    }
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return fromFragment;
  }
  try {
    return sessionStorage.getItem(where) ?? taken.get(where) ?? null;
  } catch {
    return taken.get(where) ?? null;
  }
}
