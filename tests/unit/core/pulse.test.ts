import { describe, expect, it } from 'vitest';
import type { RoomState } from '../../../server/core/state';
import { displayView, facilitatorView, memberView } from '../../../server/core/views';
import { DEFAULT_PULSE_QUESTION } from '../../../shared/pulse';
import { expectChanged, expectRefused, FACILITATOR, member, roomWith, run, T0 } from './fixtures';

const open = run(roomWith(['a', 'b', 'c', 'd']), { type: 'pulse.open' }, FACILITATOR, T0 + 1_000);
const answer = (s: RoomState, id: string, value: number, at = T0 + 2_000) =>
  run(s, { type: 'pulse.answer', value }, member(id), at);

describe('pulse.open', () => {
  it('opens the default question with nothing counted', () => {
    expect(open.pulse).toEqual({
      id: 'p1',
      question: DEFAULT_PULSE_QUESTION,
      open: true,
      counts: [0, 0, 0, 0, 0],
      answered: [],
    });
  });

  it('opening another closes the open one (kept for the summary)', () => {
    const s = run(
      answer(open, 'a', 4),
      { type: 'pulse.open', question: 'How is the pace?' },
      FACILITATOR,
      T0 + 3_000,
    );
    expect(s.pulse).toMatchObject({ id: 'p2', question: 'How is the pace?', open: true, answered: [] });
    expect(s.pulses).toEqual([{ question: DEFAULT_PULSE_QUESTION, answered: 1, results: null }]);
  });
});

describe('pulse.answer', () => {
  it('counts the value and records, apart and sorted, who answered: never who answered what', () => {
    let s = answer(open, 'd', 5);
    s = answer(s, 'b', 2);
    s = answer(s, 'c', 5);
    expect(s.pulse?.counts).toEqual([0, 1, 0, 0, 2]);
    expect(s.pulse?.answered).toEqual(['b', 'c', 'd']);
  });

  it.each([
    { name: 'a second answer', state: answer(open, 'a', 3), actor: 'a', code: 'already_answered' },
    { name: 'no open pulse', state: roomWith(['a']), actor: 'a', code: 'no_pulse' },
    {
      name: 'a closed pulse',
      state: run(open, { type: 'pulse.close' }, FACILITATOR, T0 + 2_000),
      actor: 'a',
      code: 'no_pulse',
    },
  ] as const)('refuses $name with $code', ({ state, actor, code }) => {
    expectRefused(state, { type: 'pulse.answer', value: 1 }, member(actor), T0 + 5_000, code);
  });

  it('is for members: the facilitator key may not answer', () => {
    expectRefused(open, { type: 'pulse.answer', value: 1 }, FACILITATOR, T0 + 5_000, 'forbidden');
  });
});

describe('pulse.close and the views of a pulse', () => {
  it.each([
    { answers: [], results: null },
    {
      answers: [
        ['a', 1],
        ['b', 5],
      ],
      results: null,
    },
    {
      answers: [
        ['a', 1],
        ['b', 5],
        ['c', 5],
      ],
      results: [1, 0, 0, 0, 2],
    },
  ] as const)('with $answers.length answers, results $results', ({ answers, results }) => {
    let s = open;
    for (const [id, value] of answers) s = answer(s, id, value);
    // While open: a count for facilitators, never results.
    expect(facilitatorView(s, T0 + 3_000).pulse).toEqual({
      id: 'p1',
      question: DEFAULT_PULSE_QUESTION,
      open: true,
      answered: answers.length,
      results: null,
    });
    s = expectChanged(s, { type: 'pulse.close' }, FACILITATOR, T0 + 4_000);
    expect(facilitatorView(s, T0 + 4_000).pulse).toMatchObject({
      open: false,
      answered: answers.length,
      results,
    });
    expect(s.pulses).toEqual([{ question: DEFAULT_PULSE_QUESTION, answered: answers.length, results }]);
    // Members see only the question; the display sees no pulse at all.
    expect(memberView(s, T0 + 4_000).pulse).toEqual({
      id: 'p1',
      question: DEFAULT_PULSE_QUESTION,
      open: false,
    });
    expect(displayView(s, T0 + 4_000)).not.toHaveProperty('pulse');
  });

  it('close without an open pulse: no_pulse', () => {
    const closed = run(open, { type: 'pulse.close' }, FACILITATOR, T0 + 2_000);
    expectRefused(closed, { type: 'pulse.close' }, FACILITATOR, T0 + 3_000, 'no_pulse');
  });

  it('an answer changes the facilitators’ view only: members and the display see the same view', () => {
    const s = answer(open, 'a', 2);
    expect({ ...memberView(s, T0), version: 0 }).toEqual({ ...memberView(open, T0), version: 0 });
    expect({ ...displayView(s, T0), version: 0 }).toEqual({ ...displayView(open, T0), version: 0 });
    expect(facilitatorView(s, T0).pulse?.answered).toBe(1);
  });
});
