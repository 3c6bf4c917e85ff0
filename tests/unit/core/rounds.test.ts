import { describe, expect, it } from 'vitest';
import { apply } from '../../../server/core/apply';
import {
  expectChanged,
  expectRefused,
  expectUnchanged,
  FACILITATOR,
  member,
  roomWith,
  run,
  SYSTEM,
  T0,
} from './fixtures';

describe('round.start', () => {
  const room = roomWith(['a', 'b', 'c'], { offline: ['b'] });

  it('defaults to the seating order of the online members, the room’s turn length and no prompt', () => {
    const seated = run(room, { type: 'order.set', memberIds: ['c', 'b', 'a'] }, FACILITATOR, T0);
    const s = expectChanged(seated, { type: 'round.start', kind: 'closing' }, FACILITATOR, T0 + 5_000);
    expect(s.round).toEqual({
      id: 'r1',
      kind: 'closing',
      prompt: '',
      turnSeconds: 120,
      revisitPassed: false,
      revisited: false,
      order: ['c', 'a'],
      index: 0,
      outcomes: { c: 'pending', a: 'pending' },
      startedAt: T0 + 5_000,
      endedAt: null,
    });
    expect(s.speaker).toEqual({ memberId: 'c', since: T0 + 5_000 });
    expect(s.seq).toBe(1);
  });

  it.each([
    { name: 'an unknown id in the order', order: ['a', 'zz'], code: 'unknown_member' as const },
    { name: 'an empty order', order: [], code: 'no_members' as const },
  ])('refuses $name', ({ order, code }) => {
    expectRefused(room, { type: 'round.start', kind: 'check-in', order }, FACILITATOR, T0, code);
  });

  it('refuses no_members when nobody is online', () => {
    const dark = roomWith(['a', 'b'], { offline: ['a', 'b'] });
    expectRefused(dark, { type: 'round.start', kind: 'check-in' }, FACILITATOR, T0, 'no_members');
  });

  it('an explicit order of offline members completes at once, all absent', () => {
    const s = expectChanged(
      room,
      { type: 'round.start', kind: 'check-in', order: ['b'] },
      FACILITATOR,
      T0 + 1,
    );
    expect(s.round).toMatchObject({ outcomes: { b: 'absent' }, index: 1, endedAt: T0 + 1 });
    expect(s.speaker).toBeNull();
    expect(s.timer).toBeNull();
  });

  it('settles the previous holder and replaces a running round', () => {
    let s = run(room, { type: 'piece.give', memberId: 'c' }, FACILITATOR, T0);
    s = run(s, { type: 'round.start', kind: 'check-in', order: ['c', 'a'] }, FACILITATOR, T0 + 4_000);
    expect(s.stats.c).toMatchObject({ spokenMs: 4_000, turns: 1 });
    s = run(s, { type: 'round.start', kind: 'go-around', order: ['a', 'c'] }, FACILITATOR, T0 + 6_000);
    expect(s.round).toMatchObject({ id: 'r2', kind: 'go-around', outcomes: { a: 'pending', c: 'pending' } });
    expect(s.stats.c).toMatchObject({ spokenMs: 6_000, turns: 2 });
    expect(s.speaker).toEqual({ memberId: 'a', since: T0 + 6_000 });
  });

  it('does not start the turn timer without autoStartTimer', () => {
    const manual = roomWith(['a'], { settings: { autoStartTimer: false } });
    const s = run(manual, { type: 'round.start', kind: 'check-in', turnSeconds: 30 }, FACILITATOR, T0 + 1);
    expect(s.timer).toEqual({ durationMs: 30_000, startedAt: null, elapsedMs: 0 });
  });
});

describe('round.next', () => {
  const inRound = run(
    roomWith(['a', 'b', 'c']),
    { type: 'round.start', kind: 'go-around' },
    FACILITATOR,
    T0 + 1_000,
  );

  it.each<{ from: string | null }>([{ from: 'b' }, { from: null }])(
    'with a stale from ($from) changes nothing',
    ({ from }) => {
      expectUnchanged(inRound, { type: 'round.next', from }, FACILITATOR, T0 + 2_000);
    },
  );

  it('without from moves on', () => {
    const s = expectChanged(inRound, { type: 'round.next' }, FACILITATOR, T0 + 2_000);
    expect(s.speaker?.memberId).toBe('b');
  });

  it('a double press from the same holder moves the piece once', () => {
    const once = run(inRound, { type: 'round.next', from: 'a' }, FACILITATOR, T0 + 2_000);
    expectUnchanged(once, { type: 'round.next', from: 'a' }, FACILITATOR, T0 + 2_001);
  });

  it('marks the member whose turn it is as spoke even if the piece was given elsewhere', () => {
    let s = run(inRound, { type: 'piece.give', memberId: 'c' }, FACILITATOR, T0 + 2_000);
    expect(s.round!.index).toBe(0);
    s = run(s, { type: 'round.next', from: 'c' }, FACILITATOR, T0 + 5_000);
    expect(s.round!.outcomes).toEqual({ a: 'spoke', b: 'pending', c: 'pending' });
    expect(s.speaker).toEqual({ memberId: 'b', since: T0 + 5_000 });
    expect(s.stats.c).toMatchObject({ spokenMs: 3_000, turns: 1 });
  });

  it('marks a member who went offline absent when their turn comes', () => {
    const s = run(inRound, { type: 'presence.set', memberId: 'b', online: false }, SYSTEM, T0 + 1_500);
    const next = run(s, { type: 'round.next', from: 'a' }, FACILITATOR, T0 + 2_000);
    expect(next.round!.outcomes).toEqual({ a: 'spoke', b: 'absent', c: 'pending' });
    expect(next.speaker?.memberId).toBe('c');
  });

  it('without revisitPassed those who passed are not asked again', () => {
    let s = run(inRound, { type: 'turn.pass' }, member('a'), T0 + 2_000);
    s = run(s, { type: 'round.next' }, FACILITATOR, T0 + 3_000);
    s = run(s, { type: 'round.next' }, FACILITATOR, T0 + 4_000);
    expect(s.round).toMatchObject({
      order: ['a', 'b', 'c'],
      index: 3,
      endedAt: T0 + 4_000,
      revisited: false,
    });
    expect(s.round!.outcomes).toEqual({ a: 'passed', b: 'spoke', c: 'spoke' });
  });

  it('with revisitPassed a second pass ends the round (one second chance only)', () => {
    let s = run(
      roomWith(['a', 'b']),
      { type: 'round.start', kind: 'check-in', revisitPassed: true },
      FACILITATOR,
      T0,
    );
    s = run(s, { type: 'turn.pass' }, member('a'), T0 + 1_000);
    s = run(s, { type: 'turn.done' }, member('b'), T0 + 2_000);
    expect(s.round).toMatchObject({ order: ['a', 'b', 'a'], index: 2, revisited: true });
    s = run(s, { type: 'turn.pass' }, member('a'), T0 + 3_000);
    expect(s.round).toMatchObject({ order: ['a', 'b', 'a'], index: 3, endedAt: T0 + 3_000 });
    expect(s.round!.outcomes).toEqual({ a: 'passed', b: 'spoke' });
    expect(s.stats.a).toMatchObject({ passes: 2, turns: 0 });
  });
});

describe('round.end', () => {
  it('ends now: pending stays pending, the piece is free, the timer gone', () => {
    let s = run(roomWith(['a', 'b']), { type: 'round.start', kind: 'check-in' }, FACILITATOR, T0);
    s = expectChanged(s, { type: 'round.end' }, FACILITATOR, T0 + 9_000);
    expect(s.round).toMatchObject({
      endedAt: T0 + 9_000,
      index: 0,
      outcomes: { a: 'pending', b: 'pending' },
    });
    expect(s.speaker).toBeNull();
    expect(s.timer).toBeNull();
    expect(s.stats.a).toMatchObject({ spokenMs: 9_000, turns: 1 });
  });

  it('without a round → no_round', () => {
    expectRefused(roomWith(['a']), { type: 'round.end' }, FACILITATOR, T0, 'no_round');
    expectRefused(roomWith(['a']), { type: 'round.next' }, FACILITATOR, T0, 'no_round');
  });

  it('a stale from is checked before no_round', () => {
    const result = apply(roomWith(['a']), { type: 'round.next', from: 'a' }, FACILITATOR, T0);
    expect(result.ok).toBe(true);
  });
});
