import { describe, expect, it } from 'vitest';
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

const room = roomWith(['a', 'b', 'c']);

describe('piece.give and piece.release', () => {
  it('gives the piece: a new holding starts now with a fresh turn timer', () => {
    const s = expectChanged(room, { type: 'piece.give', memberId: 'b' }, FACILITATOR, T0 + 1_000);
    expect(s.speaker).toEqual({ memberId: 'b', since: T0 + 1_000 });
    expect(s.timer).toEqual({ durationMs: 120_000, startedAt: T0 + 1_000, elapsedMs: 0 });
    expect(s.stats.b).toEqual({ spokenMs: 0, turns: 0, passes: 0, lastSpokeAt: T0 + 1_000 });
  });

  it('giving it on settles the previous holder as a turn', () => {
    let s = run(room, { type: 'piece.give', memberId: 'b' }, FACILITATOR, T0 + 1_000);
    s = run(s, { type: 'piece.give', memberId: 'c' }, FACILITATOR, T0 + 8_500);
    expect(s.stats.b).toEqual({ spokenMs: 7_500, turns: 1, passes: 0, lastSpokeAt: T0 + 1_000 });
    expect(s.speaker).toEqual({ memberId: 'c', since: T0 + 8_500 });
  });

  it('giving it to the holder changes nothing', () => {
    const s = run(room, { type: 'piece.give', memberId: 'b' }, FACILITATOR, T0);
    expectUnchanged(s, { type: 'piece.give', memberId: 'b' }, FACILITATOR, T0 + 5_000);
  });

  it('refuses someone who is not in the room', () => {
    expectRefused(room, { type: 'piece.give', memberId: 'zz' }, FACILITATOR, T0, 'unknown_member');
  });

  it('release settles the holder and clears the timer; with nobody holding it changes nothing', () => {
    const held = run(room, { type: 'piece.give', memberId: 'a' }, FACILITATOR, T0);
    const s = expectChanged(held, { type: 'piece.release' }, FACILITATOR, T0 + 3_000);
    expect(s.speaker).toBeNull();
    expect(s.timer).toBeNull();
    expect(s.stats.a).toMatchObject({ spokenMs: 3_000, turns: 1 });
    expectUnchanged(s, { type: 'piece.release' }, FACILITATOR, T0 + 4_000);
  });

  it('give and release leave a round as it is', () => {
    let s = run(room, { type: 'round.start', kind: 'check-in' }, FACILITATOR, T0);
    const round = s.round;
    s = run(s, { type: 'piece.give', memberId: 'c' }, FACILITATOR, T0 + 1_000);
    s = run(s, { type: 'piece.release' }, FACILITATOR, T0 + 2_000);
    expect(s.round).toEqual(round);
  });
});

describe('turn.done and turn.pass outside a round', () => {
  // Bob holds; Cid raised first, then Ann.
  const held = (() => {
    let s = run(room, { type: 'piece.give', memberId: 'b' }, FACILITATOR, T0);
    s = run(s, { type: 'hand.raise' }, member('c'), T0 + 1_000);
    s = run(s, { type: 'hand.raise' }, member('a'), T0 + 2_000);
    return s;
  })();

  it.each([
    { by: 'a', command: { type: 'turn.done' } as const },
    { by: 'a', command: { type: 'turn.pass' } as const },
  ])('$command.type by someone not holding → not_holder', ({ by, command }) => {
    expectRefused(held, command, member(by), T0 + 5_000, 'not_holder');
  });

  it('done hands the piece to the first raised hand and lowers it', () => {
    const s = expectChanged(held, { type: 'turn.done' }, member('b'), T0 + 10_000);
    expect(s.speaker).toEqual({ memberId: 'c', since: T0 + 10_000 });
    expect(s.hands).toEqual(['a']);
    expect(s.members.find((m) => m.id === 'c')!.handRaisedAt).toBeNull();
    expect(s.stats.b).toMatchObject({ spokenMs: 10_000, turns: 1, passes: 0 });
  });

  it('done skips the holder’s own hand and offline hands; with nobody left the piece is free', () => {
    let s = run(held, { type: 'hand.raise' }, member('b'), T0 + 500);
    s = run(s, { type: 'presence.set', memberId: 'c', online: false }, { kind: 'system' }, T0 + 600);
    s = run(s, { type: 'hand.lower' }, member('a'), T0 + 700);
    s = expectChanged(s, { type: 'turn.done' }, member('b'), T0 + 10_000);
    expect(s.speaker).toBeNull();
    expect(s.timer).toBeNull();
    expect(s.hands).toEqual(['c', 'b']);
  });

  it('pass releases the piece and counts a pass, not a turn', () => {
    const s = expectChanged(held, { type: 'turn.pass' }, member('b'), T0 + 4_000);
    expect(s.speaker).toBeNull();
    expect(s.timer).toBeNull();
    expect(s.hands).toEqual(['c', 'a']);
    expect(s.stats.b).toEqual({ spokenMs: 4_000, turns: 0, passes: 1, lastSpokeAt: T0 });
  });

  it('in a round, done and pass by a holder who was given the piece out of turn act as outside', () => {
    let s = run(room, { type: 'round.start', kind: 'check-in' }, FACILITATOR, T0);
    s = run(s, { type: 'piece.give', memberId: 'c' }, FACILITATOR, T0 + 1_000);
    const passed = run(s, { type: 'turn.pass' }, member('c'), T0 + 2_000);
    expect(passed.speaker).toBeNull();
    expect(passed.round).toEqual(s.round);
    const done = run(s, { type: 'turn.done' }, member('c'), T0 + 2_000);
    expect(done.speaker).toBeNull();
    expect(done.round).toEqual(s.round);
  });
});
