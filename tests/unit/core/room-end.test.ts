import { describe, expect, it } from 'vitest';
import { apply } from '../../../server/core/apply';
import { endedRoom, summarize } from '../../../server/core/room-end';
import type { RoomState } from '../../../server/core/state';
import { DEFAULT_PULSE_QUESTION } from '../../../shared/pulse';
import { expectRefused, FACILITATOR, member, roomWith, run, SYSTEM, T0 } from './fixtures';

// Ann spoke 30 s then passed in a round; Bob spoke 20 s; Cid holds from +60 s; Dee was removed after
// speaking 10 s; Wes waited and was never let in; three answered a pulse, left open.
const meeting: RoomState = (() => {
  let s = run(roomWith(['a', 'b', 'c', 'd']), { type: 'piece.give', memberId: 'd' }, FACILITATOR, T0);
  s = run(s, { type: 'member.remove', memberId: 'd' }, FACILITATOR, T0 + 10_000);
  s = run(s, { type: 'round.start', kind: 'check-in' }, FACILITATOR, T0 + 10_000);
  s = run(s, { type: 'turn.pass' }, member('a'), T0 + 40_000);
  s = run(s, { type: 'turn.done' }, member('b'), T0 + 60_000);
  s = run(s, { type: 'room.update', admission: 'approve' }, FACILITATOR, T0 + 60_000);
  s = run(s, { type: 'member.join', memberId: 'w', name: 'Wes', tokenHash: 'token-w' }, SYSTEM, T0 + 61_000);
  s = run(s, { type: 'pulse.open' }, FACILITATOR, T0 + 62_000);
  for (const [id, value] of [
    ['a', 4],
    ['b', 4],
    ['c', 2],
  ] as const) {
    s = run(s, { type: 'pulse.answer', value }, member(id), T0 + 63_000);
  }
  return s;
})();
const END = T0 + 90_000;

describe('summarize', () => {
  it('reports duration, rounds, everyone ever active (the removed too, the never admitted not) and pulses', () => {
    const closed = run(meeting, { type: 'pulse.close' }, FACILITATOR, END);
    expect(summarize(closed, END)).toEqual({
      title: 'Tuesday circle',
      startedAt: T0,
      endedAt: END,
      rounds: 1,
      // In joining order (all four joined at T0: the removed come first on a tie).
      members: [
        { name: 'Dee', spokenMs: 10_000, turns: 0, passes: 0 },
        { name: 'Ann', spokenMs: 30_000, turns: 0, passes: 1 },
        { name: 'Bob', spokenMs: 20_000, turns: 1, passes: 0 },
        // Cid's holding counts up to the end, as a turn.
        { name: 'Cid', spokenMs: 30_000, turns: 1, passes: 0 },
      ],
      pulses: [{ question: DEFAULT_PULSE_QUESTION, answered: 3, results: [0, 1, 0, 2, 0] }],
    });
  });
});

describe('room.end', () => {
  it('closes the open pulse and ends with the summary as its only effect', () => {
    const result = apply(meeting, { type: 'room.end' }, FACILITATOR, END);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.effects).toEqual([
      { kind: 'ended', summary: summarize(run(meeting, { type: 'pulse.close' }, FACILITATOR, END), END) },
    ]);
    expect(result.state.version).toBe(meeting.version + 1);
  });

  it('is for facilitators and co-facilitators only', () => {
    expectRefused(meeting, { type: 'room.end' }, member('a'), END, 'forbidden');
    const co = run(meeting, { type: 'member.role', memberId: 'a', role: 'cofacilitator' }, FACILITATOR, END);
    expect(apply(co, { type: 'room.end' }, member('a'), END).ok).toBe(true);
  });
});

describe('the ended room', () => {
  const ended = endedRoom(run(meeting, { type: 'room.end' }, FACILITATOR, END), END);

  it('keeps its code, version and end, and nothing that names, counts or opens anything', () => {
    expect(ended).toMatchObject({
      code: 'ABCDEF',
      status: 'ended',
      endedAt: END,
      version: meeting.version + 1,
    });
    const json = JSON.stringify(ended);
    for (const trace of [
      'Ann',
      'Bob',
      'Cid',
      'Dee',
      'Wes',
      'token-',
      'hash-of',
      'Tuesday',
      DEFAULT_PULSE_QUESTION,
    ]) {
      expect(json).not.toContain(trace);
    }
    expect(ended).toMatchObject({
      members: [],
      stats: {},
      departed: [],
      pulses: [],
      pulse: null,
      revokedTokenHashes: [],
    });
  });

  it.each([
    [{ type: 'room.update', title: 'Again' }, FACILITATOR],
    [{ type: 'hand.raise' }, member('a')],
    [{ type: 'member.join', memberId: 'n', name: 'New', tokenHash: 't' }, SYSTEM],
  ] as const)('refuses %o with room_ended', (command, actor) => {
    expectRefused(ended, command, actor, END + 1, 'room_ended');
  });
});
