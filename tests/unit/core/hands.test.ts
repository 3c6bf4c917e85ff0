import { describe, expect, it } from 'vitest';
import { servedHands } from '../../../server/core/hand-queue';
import type { RoomState } from '../../../server/core/state';
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

const room = roomWith(['a', 'b', 'c', 'd']);

/** Raises hands in the order given, one second apart from T0 + 1 s. */
function raise(state: RoomState, ids: string[]): RoomState {
  return ids.reduce((s, id, i) => run(s, { type: 'hand.raise' }, member(id), T0 + 1_000 * (i + 1)), state);
}

describe('hand.raise and hand.lower', () => {
  it('raise joins the queue with its instant; a second raise changes nothing', () => {
    const s = expectChanged(room, { type: 'hand.raise' }, member('b'), T0 + 5_000);
    expect(s.hands).toEqual(['b']);
    expect(s.members.find((m) => m.id === 'b')!.handRaisedAt).toBe(T0 + 5_000);
    expectUnchanged(s, { type: 'hand.raise' }, member('b'), T0 + 6_000);
  });

  it('lower leaves the queue; lowering a lowered hand changes nothing', () => {
    const s = expectChanged(raise(room, ['b', 'c']), { type: 'hand.lower' }, member('b'), T0 + 9_000);
    expect(s.hands).toEqual(['c']);
    expect(s.members.find((m) => m.id === 'b')!.handRaisedAt).toBeNull();
    expectUnchanged(s, { type: 'hand.lower' }, member('b'), T0 + 9_500);
  });
});

describe('hand.call', () => {
  it('gives the piece to the first raised hand and lowers it', () => {
    const s = expectChanged(
      raise(room, ['c', 'a']),
      { type: 'hand.call', from: null },
      FACILITATOR,
      T0 + 9_000,
    );
    expect(s.speaker).toEqual({ memberId: 'c', since: T0 + 9_000 });
    expect(s.hands).toEqual(['a']);
    expect(s.timer).toEqual({ durationMs: 120_000, startedAt: T0 + 9_000, elapsedMs: 0 });
  });

  it('skips offline hands but keeps them queued', () => {
    let s = raise(room, ['c', 'a']);
    s = run(s, { type: 'presence.set', memberId: 'c', online: false }, SYSTEM, T0 + 8_000);
    s = run(s, { type: 'hand.call' }, FACILITATOR, T0 + 9_000);
    expect(s.speaker?.memberId).toBe('a');
    expect(s.hands).toEqual(['c']);
  });

  it.each([
    { name: 'no hand is raised', ids: [], offline: [] },
    { name: 'every raised hand is offline', ids: ['b'], offline: ['b'] },
  ])('refuses queue_empty when $name', ({ ids, offline }) => {
    let s = raise(room, ids);
    for (const id of offline) s = run(s, { type: 'presence.set', memberId: id, online: false }, SYSTEM, T0);
    expectRefused(s, { type: 'hand.call' }, FACILITATOR, T0 + 9_000, 'queue_empty');
  });

  it('a stale from changes nothing, even before queue_empty', () => {
    expectUnchanged(room, { type: 'hand.call', from: 'a' }, FACILITATOR, T0);
    const held = run(raise(room, ['b']), { type: 'piece.give', memberId: 'a' }, FACILITATOR, T0 + 5_000);
    expectUnchanged(held, { type: 'hand.call', from: null }, FACILITATOR, T0 + 6_000);
    expect(run(held, { type: 'hand.call', from: 'a' }, FACILITATOR, T0 + 6_000).speaker?.memberId).toBe('b');
  });

  it('the holder called from the queue starts a fresh turn', () => {
    let s = run(raise(room, ['a']), { type: 'piece.give', memberId: 'a' }, FACILITATOR, T0 + 2_000);
    s = run(s, { type: 'hand.call' }, FACILITATOR, T0 + 5_000);
    expect(s.speaker).toEqual({ memberId: 'a', since: T0 + 5_000 });
    expect(s.stats.a).toMatchObject({ spokenMs: 3_000, turns: 1 });
    expect(s.hands).toEqual([]);
  });
});

describe('servedHands', () => {
  // Spoken so far (settled): a 30 s, b 10 s, c 0 s, d 10 s. Then a holds the piece from T0 + 100 s.
  const spoken = (() => {
    let s = room;
    s = run(s, { type: 'piece.give', memberId: 'a' }, FACILITATOR, T0);
    s = run(s, { type: 'piece.give', memberId: 'b' }, FACILITATOR, T0 + 30_000);
    s = run(s, { type: 'piece.give', memberId: 'd' }, FACILITATOR, T0 + 40_000);
    s = run(s, { type: 'piece.release' }, FACILITATOR, T0 + 50_000);
    s = run(s, { type: 'piece.give', memberId: 'c' }, FACILITATOR, T0 + 60_000);
    s = run(s, { type: 'piece.release' }, FACILITATOR, T0 + 60_000);
    s = run(s, { type: 'hand.raise' }, member('a'), T0 + 61_000);
    s = run(s, { type: 'hand.raise' }, member('d'), T0 + 62_000);
    s = run(s, { type: 'hand.raise' }, member('b'), T0 + 63_000);
    s = run(s, { type: 'hand.raise' }, member('c'), T0 + 64_000);
    return s;
  })();

  it.each([
    { order: 'raised', now: T0 + 70_000, served: ['a', 'd', 'b', 'c'] },
    // Least first; b and d tie at 10 s and d raised first.
    { order: 'least-spoken', now: T0 + 70_000, served: ['c', 'd', 'b', 'a'] },
  ] as const)('$order at +$now → $served', ({ order, now, served }) => {
    const s = run(spoken, { type: 'room.update', queueOrder: order }, FACILITATOR, T0 + 65_000);
    expect(servedHands(s, now)).toEqual(served);
  });

  it('least-spoken counts the holder’s live speaking time at each instant', () => {
    let s = run(spoken, { type: 'room.update', queueOrder: 'least-spoken' }, FACILITATOR, T0 + 65_000);
    s = run(s, { type: 'piece.give', memberId: 'c' }, FACILITATOR, T0 + 100_000);
    // c has held the piece 5 s: still least. At 15 s, c (15 s) passes b and d (10 s each).
    expect(servedHands(s, T0 + 105_000)).toEqual(['c', 'd', 'b', 'a']);
    expect(servedHands(s, T0 + 115_000)).toEqual(['d', 'b', 'c', 'a']);
    // hand.call serves the queue as it stands at its own instant.
    const called = run(s, { type: 'hand.call' }, FACILITATOR, T0 + 115_000);
    expect(called.speaker).toEqual({ memberId: 'd', since: T0 + 115_000 });
    expect(called.stats.c).toMatchObject({ spokenMs: 15_000, turns: 2 });
  });
});
