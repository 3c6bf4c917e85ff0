import { describe, expect, it } from 'vitest';
import { apply } from '../../../server/core/apply';
import type { RoomState } from '../../../server/core/state';
import {
  expectChanged,
  expectRefused,
  expectUnchanged,
  FACILITATOR,
  member,
  roomWith,
  run,
  T0,
} from './fixtures';

/** Ann, Bob, Cid, Dee online, popcorn on; Ann holds the piece from +1 s outside any round. */
const open: RoomState = (() => {
  let s = run(roomWith(['a', 'b', 'c', 'd']), { type: 'room.update', popcorn: true }, FACILITATOR, T0);
  s = run(s, { type: 'piece.give', memberId: 'a' }, FACILITATOR, T0 + 1_000);
  return s;
})();

/** A go-around of a, b, c, d with Ann's turn running from +1 s. */
const inRound: RoomState = run(open, { type: 'round.start', kind: 'go-around' }, FACILITATOR, T0 + 1_000);

describe('turn.handTo (popcorn)', () => {
  it.each([
    {
      name: 'a member who does not hold the piece',
      state: open,
      actor: 'b',
      target: 'c',
      code: 'not_holder',
    },
    {
      name: 'the holder when popcorn is off',
      state: run(open, { type: 'room.update', popcorn: false }, FACILITATOR, T0),
      actor: 'a',
      target: 'c',
      code: 'popcorn_off',
    },
    { name: 'a target not in the room', state: open, actor: 'a', target: 'zz', code: 'unknown_member' },
  ] as const)('refuses $name with $code', ({ state, actor, target, code }) => {
    expectRefused(state, { type: 'turn.handTo', memberId: target }, member(actor), T0 + 5_000, code);
  });

  it('checks not_holder before popcorn_off', () => {
    const off = run(open, { type: 'room.update', popcorn: false }, FACILITATOR, T0);
    expectRefused(off, { type: 'turn.handTo', memberId: 'c' }, member('b'), T0 + 5_000, 'not_holder');
  });

  it('outside a round: the piece passes, Ann’s holding counts as a turn, Cid’s hand is lowered', () => {
    const raised = run(open, { type: 'hand.raise' }, member('c'), T0 + 2_000);
    const s = expectChanged(raised, { type: 'turn.handTo', memberId: 'c' }, member('a'), T0 + 31_000);
    expect(s.speaker).toEqual({ memberId: 'c', since: T0 + 31_000 });
    expect(s.stats.a).toMatchObject({ spokenMs: 30_000, turns: 1 });
    expect(s.hands).toEqual([]);
    expect(s.timer).toEqual({ durationMs: 120_000, startedAt: T0 + 31_000, elapsedMs: 0 });
  });

  it('handing it to oneself changes nothing', () => {
    expectUnchanged(open, { type: 'turn.handTo', memberId: 'a' }, member('a'), T0 + 5_000);
  });

  it('in a round: Ann spoke, Dee moves up to the next place and holds the piece; the round goes on from her', () => {
    let s = expectChanged(inRound, { type: 'turn.handTo', memberId: 'd' }, member('a'), T0 + 11_000);
    expect(s.round?.order).toEqual(['a', 'd', 'b', 'c']);
    expect(s.round?.index).toBe(1);
    expect(s.round?.outcomes).toEqual({ a: 'spoke', b: 'pending', c: 'pending', d: 'pending' });
    expect(s.speaker?.memberId).toBe('d');
    s = run(s, { type: 'round.next' }, FACILITATOR, T0 + 20_000);
    expect(s.speaker?.memberId).toBe('b');
    expect(s.round?.outcomes.d).toBe('spoke');
  });

  it('in a round: a member who already had their turn cannot be chosen', () => {
    const s = run(inRound, { type: 'round.next' }, FACILITATOR, T0 + 5_000);
    expectRefused(s, { type: 'turn.handTo', memberId: 'a' }, member('b'), T0 + 6_000, 'unknown_member');
  });
});

describe('member.role', () => {
  it('grants co-facilitation: told by a role effect; the co-facilitator may then use facilitator commands', () => {
    const result = apply(
      open,
      { type: 'member.role', memberId: 'b', role: 'cofacilitator' },
      FACILITATOR,
      T0 + 2_000,
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.state.members.find((m) => m.id === 'b')?.role).toBe('cofacilitator');
    expect(result.effects).toEqual([{ kind: 'role', memberId: 'b', role: 'cofacilitator' }]);
    // Rotating leadership: Bob now runs the circle from his phone, and stays in it.
    const s = run(result.state, { type: 'round.start', kind: 'check-in' }, member('b'), T0 + 3_000);
    expect(s.round?.order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('revokes it (a co-facilitator may revoke their own), and repeating a role changes nothing', () => {
    const co = run(open, { type: 'member.role', memberId: 'b', role: 'cofacilitator' }, FACILITATOR, T0);
    expectUnchanged(co, { type: 'member.role', memberId: 'b', role: 'cofacilitator' }, FACILITATOR, T0 + 1);
    const back = expectChanged(
      co,
      { type: 'member.role', memberId: 'b', role: 'member' },
      member('b'),
      T0 + 2,
    );
    expectRefused(back, { type: 'piece.release' }, member('b'), T0 + 3, 'forbidden');
  });

  it('refuses someone not in the room', () => {
    expectRefused(
      open,
      { type: 'member.role', memberId: 'zz', role: 'cofacilitator' },
      FACILITATOR,
      T0,
      'unknown_member',
    );
  });
});

describe('nudge.send', () => {
  it.each(['wrap-up', 'time', 'breathe'] as const)(
    '%s: no state change, one effect for the holder only',
    (kind) => {
      const result = apply(open, { type: 'nudge.send', kind }, FACILITATOR, T0 + 50_000);
      expect(result).toEqual({
        ok: true,
        state: open,
        effects: [{ kind: 'nudge', memberId: 'a', nudge: { kind, at: T0 + 50_000 } }],
      });
    },
  );

  it('answers no_speaker when nobody holds the piece', () => {
    const free = run(open, { type: 'piece.release' }, FACILITATOR, T0 + 2_000);
    expectRefused(free, { type: 'nudge.send', kind: 'wrap-up' }, FACILITATOR, T0 + 3_000, 'no_speaker');
  });

  it('is for facilitators only', () => {
    expectRefused(open, { type: 'nudge.send', kind: 'wrap-up' }, member('b'), T0 + 3_000, 'forbidden');
  });
});
