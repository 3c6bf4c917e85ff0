import { describe, expect, it } from 'vitest';
import { apply } from '../../../server/core/apply';
import type { RoomState } from '../../../server/core/state';
import type { Command } from '../../../shared/commands';
import type { Settings } from '../../../shared/settings';
import {
  emptyRoom,
  expectChanged,
  expectRefused,
  expectUnchanged,
  FACILITATOR,
  join,
  member,
  roomWith,
  run,
  SYSTEM,
  T0,
} from './fixtures';

/** Ann and Bob in the circle; then the room's agreements and admission as given; then Wes joins. */
function lobby(options: { agreements?: string[]; admission?: Settings['admission'] }): RoomState {
  let s = roomWith(['a', 'b']);
  s = run(
    s,
    { type: 'room.update', agreements: options.agreements ?? [], admission: options.admission ?? 'open' },
    FACILITATOR,
    T0,
  );
  s = run(s, join('w', 'Wes'), SYSTEM, T0 + 1_000);
  return run(s, { type: 'presence.set', memberId: 'w', online: true }, SYSTEM, T0 + 1_000);
}
const statusOf = (s: RoomState, id: string) => s.members.find((m) => m.id === id)?.status;

describe('where a new member starts', () => {
  it.each([
    { agreements: ['Confidentiality'], admission: 'open', status: 'consent' },
    { agreements: ['Confidentiality'], admission: 'approve', status: 'consent' },
    { agreements: [], admission: 'approve', status: 'waiting' },
    { agreements: [], admission: 'open', status: 'active' },
  ] as const)(
    'agreements $agreements, admission $admission → $status',
    ({ agreements, admission, status }) => {
      const s = lobby({ agreements: [...agreements], admission });
      expect(statusOf(s, 'w')).toBe(status);
      // Only an active member has a place in the seating order.
      expect(s.order.includes('w')).toBe(status === 'active');
      expect(s.stats.w).toEqual({ spokenMs: 0, turns: 0, passes: 0, lastSpokeAt: null });
    },
  );
});

describe('consent.accept', () => {
  it.each([
    { admission: 'open', after: 'active' },
    { admission: 'approve', after: 'waiting' },
  ] as const)('under $admission moves consent → $after and tells the member', ({ admission, after }) => {
    const s = lobby({ agreements: ['Confidentiality'], admission });
    const result = apply(s, { type: 'consent.accept' }, member('w'), T0 + 2_000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.version).toBe(s.version + 1);
    expect(statusOf(result.state, 'w')).toBe(after);
    expect(result.state.order).toEqual(after === 'active' ? ['a', 'b', 'w'] : ['a', 'b']);
    expect(result.effects).toEqual([{ kind: 'status', memberId: 'w', status: after }]);
  });

  it('changes nothing for a member already waiting or active (a double tap)', () => {
    const waiting = lobby({ admission: 'approve' });
    expectUnchanged(waiting, { type: 'consent.accept' }, member('w'), T0 + 2_000);
    expectUnchanged(waiting, { type: 'consent.accept' }, member('a'), T0 + 2_000);
  });

  it('is a member command: the facilitator key may not send it', () => {
    expectRefused(lobby({ agreements: ['x'] }), { type: 'consent.accept' }, FACILITATOR, T0, 'forbidden');
  });
});

describe('a member outside the circle may send only consent.accept', () => {
  const consenting = lobby({ agreements: ['Confidentiality'] });
  const waiting = lobby({ admission: 'approve' });
  it.each([
    { type: 'hand.raise' },
    { type: 'signal.send', kind: 'slow-down' },
    { type: 'pulse.answer', value: 3 },
    { type: 'turn.done' },
    { type: 'round.start', kind: 'check-in' },
    { type: 'member.admit', memberId: 'w' },
  ] as const)('$type answers not_admitted, checked before the role', (command) => {
    expectRefused(consenting, command, member('w'), T0 + 2_000, 'not_admitted');
    expectRefused(waiting, command, member('w'), T0 + 2_000, 'not_admitted');
  });
});

describe('member.admit and member.decline', () => {
  const waiting = lobby({ admission: 'approve' });
  const consenting = lobby({ agreements: ['Confidentiality'], admission: 'approve' });

  it('admit: waiting → active, at the end of the seating order, and told so', () => {
    const result = apply(waiting, { type: 'member.admit', memberId: 'w' }, FACILITATOR, T0 + 3_000);
    expect(result.ok && statusOf(result.state, 'w')).toBe('active');
    expect(result.ok && result.state.order).toEqual(['a', 'b', 'w']);
    expect(result.ok && result.effects).toEqual([{ kind: 'status', memberId: 'w', status: 'active' }]);
  });

  it('admit on a member still reading the agreements changes nothing', () => {
    expectUnchanged(consenting, { type: 'member.admit', memberId: 'w' }, FACILITATOR, T0 + 3_000);
  });

  it.each([
    { type: 'member.admit', memberId: 'a', code: 'not_waiting' },
    { type: 'member.decline', memberId: 'a', code: 'not_waiting' },
    { type: 'member.admit', memberId: 'zz', code: 'unknown_member' },
    { type: 'member.decline', memberId: 'zz', code: 'unknown_member' },
  ] as const)('$type on $memberId → $code', ({ code, ...command }) => {
    expectRefused(waiting, command, FACILITATOR, T0 + 3_000, code);
  });

  it.each([
    ['waiting', waiting],
    ['at the agreements', consenting],
  ] as const)('decline removes a member %s: token revoked, no trace, told "declined"', (_name, state) => {
    const result = apply(state, { type: 'member.decline', memberId: 'w' }, FACILITATOR, T0 + 3_000);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.state.members.map((m) => m.id)).toEqual(['a', 'b']);
    expect(result.state.stats.w).toBeUndefined();
    expect(result.state.revokedTokenHashes).toContain('token-w');
    // Never in the circle: not remembered for the summary either.
    expect(JSON.stringify(result.state)).not.toContain('Wes');
    expect(result.effects).toEqual([{ kind: 'eject', memberId: 'w', reason: 'declined' }]);
  });

  it('a co-facilitator may admit', () => {
    const s = run(waiting, { type: 'member.role', memberId: 'a', role: 'cofacilitator' }, FACILITATOR, T0);
    expect(statusOf(run(s, { type: 'member.admit', memberId: 'w' }, member('a'), T0 + 3_000), 'w')).toBe(
      'active',
    );
  });
});

describe('room.update and admission', () => {
  it('turning admission to open admits everyone waiting, in joining order', () => {
    let s = lobby({ admission: 'approve' });
    s = run(s, join('x', 'Xan'), SYSTEM, T0 + 2_000);
    const result = apply(s, { type: 'room.update', admission: 'open' }, FACILITATOR, T0 + 3_000);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.state.order).toEqual(['a', 'b', 'w', 'x']);
    expect(result.effects).toEqual([
      { kind: 'status', memberId: 'w', status: 'active' },
      { kind: 'status', memberId: 'x', status: 'active' },
    ]);
  });

  it('changing the agreements asks nobody again, and leaves those at the agreements there', () => {
    const s = lobby({ agreements: ['Confidentiality'] });
    const next = expectChanged(
      s,
      { type: 'room.update', agreements: ['Confidentiality', 'The right to pass'] },
      FACILITATOR,
      T0 + 3_000,
    );
    expect(next.members.map((m) => m.status)).toEqual(['active', 'active', 'consent']);
    expect(next.agreements).toEqual(['Confidentiality', 'The right to pass']);
  });

  it.each([
    { field: 'agreements', value: ['Confidentiality'] },
    { field: 'disclaimer', value: 'Not a substitute for therapy.' },
    { field: 'resources', value: [{ label: 'Crisis line', contact: '988' }] },
    { field: 'popcorn', value: true },
  ] as const)('sets $field, and setting it again changes nothing', ({ field, value }) => {
    const s = expectChanged(emptyRoom(), { type: 'room.update', [field]: value }, FACILITATOR, T0);
    expectUnchanged(s, { type: 'room.update', [field]: value }, FACILITATOR, T0 + 1);
  });
});

describe('members outside the circle', () => {
  const s = lobby({ admission: 'approve' });
  it.each<Command>([
    { type: 'piece.give', memberId: 'w' },
    { type: 'round.start', kind: 'check-in', order: ['a', 'w'] },
    { type: 'order.set', memberIds: ['w', 'a', 'b'] },
    { type: 'member.role', memberId: 'w', role: 'cofacilitator' },
  ])('cannot be named by $type', (command) => {
    expectRefused(s, command, FACILITATOR, T0 + 2_000, 'unknown_member');
  });

  it('are left out of a round started in the default order', () => {
    const next = run(s, { type: 'round.start', kind: 'check-in' }, FACILITATOR, T0 + 2_000);
    expect(next.round?.order).toEqual(['a', 'b']);
  });

  it('order.set needs only the active members', () => {
    expect(run(s, { type: 'order.set', memberIds: ['b', 'a'] }, FACILITATOR, T0).order).toEqual(['b', 'a']);
  });
});
