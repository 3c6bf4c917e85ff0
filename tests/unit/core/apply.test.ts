import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../server/core/actor';
import { apply, freezeStates } from '../../../server/core/apply';
import type { RoomState } from '../../../server/core/state';
import type { Command } from '../../../shared/commands';
import { expectUnchanged, FACILITATOR, member, roomWith, run, T0 } from './fixtures';

/** Deep-freezes a state so that any attempt to mutate it throws in strict-mode modules. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

// Ann holds the piece in a round with a running timer; Bob has a hand up.
const base: RoomState = (() => {
  let s = roomWith(['a', 'b', 'c']);
  s = run(s, { type: 'round.start', kind: 'check-in', revisitPassed: true }, FACILITATOR, T0);
  s = run(s, { type: 'hand.raise' }, member('b'), T0 + 1_000);
  s = run(s, { type: 'signal.send', kind: 'slow-down' }, member('c'), T0 + 2_000);
  return s;
})();

describe('apply', () => {
  // A sequence touching every rule file, applied to deep-frozen states: nothing may mutate its input.
  const sequence: [Command, Actor][] = [
    [{ type: 'timer.pause' }, FACILITATOR],
    [{ type: 'timer.add', seconds: 10 }, FACILITATOR],
    [{ type: 'timer.resume' }, FACILITATOR],
    [{ type: 'turn.pass' }, member('a')],
    [{ type: 'turn.done' }, member('b')],
    [{ type: 'round.next' }, FACILITATOR],
    [{ type: 'hand.raise' }, member('a')],
    [{ type: 'hand.call' }, FACILITATOR],
    [{ type: 'signal.dismiss', signalId: 's2' }, FACILITATOR],
    [{ type: 'order.set', memberIds: ['c', 'b', 'a'] }, FACILITATOR],
    [{ type: 'room.update', title: 'Renamed' }, FACILITATOR],
    [{ type: 'round.start', kind: 'closing' }, FACILITATOR],
    [{ type: 'member.remove', memberId: 'c' }, FACILITATOR],
    [{ type: 'round.end' }, FACILITATOR],
  ];

  it('never mutates its input and raises the version by one per change', () => {
    let state = deepFreeze(structuredClone(base));
    sequence.forEach(([command, actor], i) => {
      const result = apply(state, command, actor, T0 + 10_000 * (i + 1));
      if (!result.ok) throw new Error(`${command.type}: ${result.error.code}`);
      expect(result.state.version).toBe(state.version + 1);
      state = deepFreeze(result.state);
    });
    expect(state.version).toBe(base.version + sequence.length);
  });

  it('copies only what a command touches: the new state shares the rest, and all of it is frozen', () => {
    const result = apply(base, { type: 'timer.add', seconds: 10 }, FACILITATOR, T0 + 5_000);
    if (!result.ok) throw new Error(result.error.code);
    const next = result.state;
    expect(next).not.toBe(base);
    expect(next.timer).not.toBe(base.timer);
    expect(next.timer?.durationMs).toBe((base.timer?.durationMs ?? 0) + 10_000);
    expect(next.members).toBe(base.members);
    expect(next.round).toBe(base.round);
    expect(next.stats).toBe(base.stats);
    expect(Object.isFrozen(next)).toBe(true);
    expect(Object.isFrozen(next.timer)).toBe(true);
    expect(() => {
      (next.members[0] as { name: string }).name = 'Changed';
    }).toThrow(TypeError);
  });

  it('in production (states not frozen) makes the same state, unfrozen, and still never writes to its input', () => {
    const frozen = apply(base, { type: 'timer.add', seconds: 10 }, FACILITATOR, T0 + 5_000);
    freezeStates(false);
    try {
      const input = structuredClone(base);
      const result = apply(input, { type: 'timer.add', seconds: 10 }, FACILITATOR, T0 + 5_000);
      if (!result.ok || !frozen.ok) throw new Error('refused');
      expect(result.state).toEqual(frozen.state);
      expect(input).toEqual(base);
      expect(Object.isFrozen(result.state)).toBe(false);
      expect(Object.isFrozen(result.state.timer)).toBe(false);
      expect(result.state.members).toBe(input.members);
    } finally {
      freezeStates(true);
    }
  });

  it.each<[string, Command, Actor]>([
    ['a stale from on round.next', { type: 'round.next', from: 'b' }, FACILITATOR],
    ['a stale from on hand.call', { type: 'hand.call', from: null }, FACILITATOR],
    ['giving the piece to its holder', { type: 'piece.give', memberId: 'a' }, FACILITATOR],
    ['resuming a running timer', { type: 'timer.resume' }, FACILITATOR],
    ['raising a raised hand', { type: 'hand.raise' }, member('b')],
    ['lowering a lowered hand', { type: 'hand.lower' }, member('c')],
    ['dismissing an unknown signal', { type: 'signal.dismiss', signalId: 's99' }, FACILITATOR],
    ['an empty room.update', { type: 'room.update' }, FACILITATOR],
  ])('%s returns the very same state', (_name, command, actor) => {
    expectUnchanged(base, command, actor, T0 + 50_000);
  });

  it('a from naming the holder proceeds', () => {
    const result = apply(base, { type: 'hand.call', from: 'a' }, FACILITATOR, T0 + 50_000);
    expect(result.ok && result.state.speaker?.memberId).toBe('b');
  });
});
