import { describe, expect, it } from 'vitest';
import { fairnessSummary } from '../../../client/src/views/facilitator/logic/fairness';
import type { FacilitatorView } from '../../../shared/views';

const member = (id: string, name: string, online = true) => ({
  id,
  name,
  role: 'member' as const,
  online,
  handRaisedAt: null,
  status: 'active' as const,
});
const stats = (spokenMs: number, turns: number, passes = 0) => ({
  spokenMs,
  turns,
  passes,
  lastSpokeAt: null,
});

type Source = Pick<FacilitatorView, 'members' | 'order' | 'stats' | 'speaker' | 'serverNow'>;

const base: Source = {
  members: [member('a', 'Ana'), member('b', 'Ben'), member('c', 'Cleo', false)],
  order: ['b', 'a', 'c'],
  stats: { a: stats(60_000, 1), b: stats(20_000, 1, 1), c: stats(0, 0) },
  speaker: null,
  serverNow: 1_000_000,
};

describe('fairnessSummary', () => {
  it('lists members in seating order with their turns and passes', () => {
    const s = fairnessSummary(base, 1_000_000);
    expect(s.rows.map((r) => [r.name, r.spokenMs, r.turns, r.passes])).toEqual([
      ['Ben', 20_000, 1, 1],
      ['Ana', 60_000, 1, 0],
      ['Cleo', 0, 0, 0],
    ]);
    expect(s.totalMs).toBe(80_000);
    expect(s.rows[1]?.share).toBeCloseTo(0.75);
  });

  it("grows the holder's time by now − serverNow", () => {
    const s = fairnessSummary({ ...base, speaker: { memberId: 'b', since: 990_000 } }, 1_005_000);
    expect(s.rows[0]?.spokenMs).toBe(25_000);
    expect(s.rows[0]?.speaking).toBe(true);
    expect(s.rows[1]?.spokenMs).toBe(60_000);
  });

  it('never subtracts when the local clock is behind the view', () => {
    const s = fairnessSummary({ ...base, speaker: { memberId: 'a', since: 0 } }, 999_000);
    expect(s.rows[1]?.spokenMs).toBe(60_000);
  });

  it('names who has not spoken yet, leaving out the current speaker', () => {
    expect(fairnessSummary(base, 1_000_000).notSpokenYet.map((m) => m.name)).toEqual(['Cleo']);
    const speaking = fairnessSummary({ ...base, speaker: { memberId: 'c', since: 1_000_000 } }, 1_000_000);
    expect(speaking.notSpokenYet).toEqual([]);
  });

  it('leaves out members still at the door', () => {
    const waiting = { ...member('w', 'Wren'), status: 'waiting' as const };
    const s = fairnessSummary({ ...base, members: [...base.members, waiting] }, 1_000_000);
    expect(s.rows.map((r) => r.name)).toEqual(['Ben', 'Ana', 'Cleo']);
  });

  it('includes members missing from the order and tolerates missing stats', () => {
    const s = fairnessSummary({ ...base, order: ['a'], stats: {} }, 1_000_000);
    expect(s.rows.map((r) => r.memberId)).toEqual(['a', 'b', 'c']);
    expect(s.totalMs).toBe(0);
    expect(s.rows.every((r) => r.share === 0)).toBe(true);
    expect(s.notSpokenYet).toHaveLength(3);
  });
});
