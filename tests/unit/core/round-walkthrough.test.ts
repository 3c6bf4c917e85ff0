import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../server/core/actor';
import type { RoomState } from '../../../server/core/state';
import type { Command } from '../../../shared/commands';
import { expectChanged, expectRefused, FACILITATOR, member, roomWith, T0 } from './fixtures';

interface Step {
  at: number;
  command: Command;
  by: Actor;
  speaker: string | null;
  index: number;
  outcomes: Record<string, string>;
  order?: string[];
  ended?: boolean;
}

describe('a full round: a pass, an absent member, a second chance for who passed', () => {
  // Dee (d) is offline: the round reaches her and marks her absent.
  const start = roomWith(['a', 'b', 'c', 'd'], { offline: ['d'] });
  const steps: Step[] = [
    {
      at: T0 + 1_000,
      command: {
        type: 'round.start',
        kind: 'check-in',
        order: ['a', 'b', 'c', 'd'],
        turnSeconds: 60,
        revisitPassed: true,
      },
      by: FACILITATOR,
      speaker: 'a',
      index: 0,
      outcomes: { a: 'pending', b: 'pending', c: 'pending', d: 'pending' },
    },
    {
      at: T0 + 31_000,
      command: { type: 'round.next', from: 'a' },
      by: FACILITATOR,
      speaker: 'b',
      index: 1,
      outcomes: { a: 'spoke', b: 'pending', c: 'pending', d: 'pending' },
    },
    {
      at: T0 + 41_000,
      command: { type: 'turn.pass' },
      by: member('b'),
      speaker: 'c',
      index: 2,
      outcomes: { a: 'spoke', b: 'passed', c: 'pending', d: 'pending' },
    },
    {
      at: T0 + 61_000,
      command: { type: 'turn.done' },
      by: member('c'),
      speaker: 'b',
      index: 4,
      outcomes: { a: 'spoke', b: 'pending', c: 'spoke', d: 'absent' },
      order: ['a', 'b', 'c', 'd', 'b'],
    },
    {
      at: T0 + 71_000,
      command: { type: 'round.next', from: 'b' },
      by: FACILITATOR,
      speaker: null,
      index: 5,
      outcomes: { a: 'spoke', b: 'spoke', c: 'spoke', d: 'absent' },
      order: ['a', 'b', 'c', 'd', 'b'],
      ended: true,
    },
  ];

  let state: RoomState = start;
  it.each(steps)('$command.type at +$at → $speaker holds, index $index', (step) => {
    state = expectChanged(state, step.command, step.by, step.at);
    const round = state.round!;
    expect(state.speaker?.memberId ?? null).toBe(step.speaker);
    expect(round.index).toBe(step.index);
    expect(round.outcomes).toEqual(step.outcomes);
    expect(round.order).toEqual(step.order ?? ['a', 'b', 'c', 'd']);
    expect(round.endedAt).toBe(step.ended ? step.at : null);
    if (step.speaker === null) {
      expect(state.timer).toBeNull();
    } else {
      expect(state.speaker).toEqual({ memberId: step.speaker, since: step.at });
      // The round's turn length, started at once (autoStartTimer defaults to true).
      expect(state.timer).toEqual({ durationMs: 60_000, startedAt: step.at, elapsedMs: 0 });
    }
  });

  it('settles everyone’s speaking time, turns and passes', () => {
    expect(state.round!.id).toBe('r1');
    expect(state.stats).toEqual({
      a: { spokenMs: 30_000, turns: 1, passes: 0, lastSpokeAt: T0 + 1_000 },
      b: { spokenMs: 20_000, turns: 1, passes: 1, lastSpokeAt: T0 + 61_000 },
      c: { spokenMs: 20_000, turns: 1, passes: 0, lastSpokeAt: T0 + 41_000 },
      d: { spokenMs: 0, turns: 0, passes: 0, lastSpokeAt: null },
    });
  });

  it.each<Command>([{ type: 'round.next' }, { type: 'round.end' }])(
    '$type after the end → no_round',
    (command) => {
      expectRefused(state, command, FACILITATOR, T0 + 80_000, 'no_round');
    },
  );
});
