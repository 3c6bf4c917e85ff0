/**
 * A member's token, kept per room code in localStorage so that a reload or a phone that slept
 * resumes as the same person instead of joining again under the same name.
 */
const keyFor = (code: string) => `circlekeeper:member-token:${code.toUpperCase()}`;

export function loadMemberToken(code: string): string | null {
  try {
    return localStorage.getItem(keyFor(code));
  } catch {
    return null; // storage blocked (private mode, policy): the member simply joins again
  }
}

export function saveMemberToken(code: string, token: string): void {
  try {
    localStorage.setItem(keyFor(code), token);
  } catch {
    // storage blocked: the token lives only as long as this connection
  }
}

export function dropMemberToken(code: string): void {
  try {
    localStorage.removeItem(keyFor(code));
  } catch {
    // nothing stored
  }
}
