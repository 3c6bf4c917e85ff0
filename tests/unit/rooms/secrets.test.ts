import { describe, expect, it } from 'vitest';
import { hashSecret, matchesHash, newMemberId, newSecret } from '../../../server/rooms/secrets';

describe('secrets and member ids from the random pool', () => {
  it('never hands out the same bytes twice, across many refills of the pool', () => {
    // 3,000 of each draws 96 KB: the 4 KB pool is refilled about 24 times.
    const secrets = Array.from({ length: 3000 }, newSecret);
    const ids = Array.from({ length: 3000 }, newMemberId);
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(new Set(ids).size).toBe(ids.length);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    for (const id of ids) expect(id).toMatch(/^m[A-Za-z0-9_-]{11}$/);
  });

  it('draws bytes that look random (each of the 64 base64url symbols about equally often)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const c of newSecret()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(64);
    // 64,000 symbols: 1,000 expected each; a pool handed out twice or left zeroed would skew this.
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
    for (const n of counts.values()) expect(n).toBeLessThan(1200);
  });

  it('matches a secret only against its own hash', () => {
    const secret = newSecret();
    expect(matchesHash(secret, hashSecret(secret))).toBe(true);
    expect(matchesHash(newSecret(), hashSecret(secret))).toBe(false);
  });
});
