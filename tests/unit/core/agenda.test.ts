import { describe, expect, it } from 'vitest';
import { agendaState } from '../../../server/core/agenda';
import type { RoomState } from '../../../server/core/state';
import { type AgendaView, projectAgenda } from '../../../shared/agenda';
import { emptyRoom, expectChanged, expectRefused, expectUnchanged, FACILITATOR, run, T0 } from './fixtures';

const MIN = 60_000;
const planned = run(
  emptyRoom(),
  {
    type: 'agenda.set',
    segments: [
      { kind: 'opening', minutes: 5 },
      { kind: 'discussion', title: 'What helped this week', minutes: 40 },
      { kind: 'closing', minutes: 10 },
    ],
  },
  FACILITATOR,
  T0,
);
const next = (s: RoomState, at: number, from?: number | null) =>
  run(s, { type: 'agenda.next', ...(from !== undefined ? { from } : {}) }, FACILITATOR, at);

describe('agenda.set', () => {
  it('resolves titles and planned lengths; no segment is current', () => {
    expect(planned.agenda).toEqual({
      segments: [
        { kind: 'opening', title: 'Opening', plannedMs: 5 * MIN },
        { kind: 'discussion', title: 'What helped this week', plannedMs: 40 * MIN },
        { kind: 'closing', title: 'Closing', plannedMs: 10 * MIN },
      ],
      index: null,
      timer: null,
      startedAt: null,
    });
  });

  it('the same plan again changes nothing; [] removes the agenda', () => {
    expectUnchanged(
      planned,
      {
        type: 'agenda.set',
        segments: [
          { kind: 'opening', minutes: 5 },
          { kind: 'discussion', title: 'What helped this week', minutes: 40 },
          { kind: 'closing', minutes: 10 },
        ],
      },
      FACILITATOR,
      T0 + 1,
    );
    expect(
      expectChanged(planned, { type: 'agenda.set', segments: [] }, FACILITATOR, T0 + 1).agenda,
    ).toBeNull();
    expect(agendaState([])).toBeNull();
  });

  it('replacing a running agenda starts over with no segment current', () => {
    const running = next(planned, T0 + 1_000);
    const s = run(
      running,
      { type: 'agenda.set', segments: [{ kind: 'break', minutes: 15 }] },
      FACILITATOR,
      T0 + 2_000,
    );
    expect(s.agenda).toMatchObject({ index: null, timer: null, startedAt: null });
  });
});

describe('agenda.next and agenda.prev', () => {
  it('walks the agenda: each segment starts its own timer; the speaker timer is untouched', () => {
    let s = run(planned, { type: 'timer.start', seconds: 60 }, FACILITATOR, T0 + 500);
    s = next(s, T0 + 1_000);
    expect(s.agenda).toMatchObject({
      index: 0,
      startedAt: T0 + 1_000,
      timer: { durationMs: 5 * MIN, startedAt: T0 + 1_000, elapsedMs: 0 },
    });
    s = next(s, T0 + 7 * MIN);
    expect(s.agenda).toMatchObject({
      index: 1,
      startedAt: T0 + 1_000,
      timer: { durationMs: 40 * MIN, startedAt: T0 + 7 * MIN },
    });
    s = run(s, { type: 'agenda.prev' }, FACILITATOR, T0 + 8 * MIN);
    expect(s.agenda).toMatchObject({ index: 0, timer: { durationMs: 5 * MIN, startedAt: T0 + 8 * MIN } });
    s = next(next(next(s, T0 + 9 * MIN), T0 + 10 * MIN), T0 + 11 * MIN);
    expect(s.agenda).toMatchObject({ index: null, timer: null, startedAt: T0 + 1_000 });
    expect(s.timer).toEqual({ durationMs: 60_000, startedAt: T0 + 500, elapsedMs: 0 });
  });

  it.each([
    {
      name: 'prev before the first segment',
      state: next(planned, T0 + 1_000),
      command: { type: 'agenda.prev' },
    },
    { name: 'prev before the agenda began', state: planned, command: { type: 'agenda.prev' } },
    {
      name: 'next once finished',
      state: next(next(next(next(planned, T0 + 1), T0 + 2), T0 + 3), T0 + 4),
      command: { type: 'agenda.next' },
    },
    { name: 'a stale from', state: next(planned, T0 + 1_000), command: { type: 'agenda.next', from: null } },
    {
      name: 'a stale from on prev',
      state: next(next(planned, T0 + 1), T0 + 2),
      command: { type: 'agenda.prev', from: 0 },
    },
  ] as const)('$name changes nothing', ({ state, command }) => {
    expectUnchanged(state, command, FACILITATOR, T0 + 20 * MIN);
  });

  it('a from naming the current index proceeds (two facilitators never skip a segment)', () => {
    const s = next(planned, T0 + 1_000, null);
    expect(s.agenda?.index).toBe(0);
    const once = next(s, T0 + 2_000, 0);
    expect(once.agenda?.index).toBe(1);
    expectUnchanged(once, { type: 'agenda.next', from: 0 }, FACILITATOR, T0 + 2_000);
  });

  it('prev once finished goes back to the last segment', () => {
    const done = next(next(next(next(planned, T0 + 1), T0 + 2), T0 + 3), T0 + 4);
    expect(run(done, { type: 'agenda.prev' }, FACILITATOR, T0 + 5).agenda?.index).toBe(2);
  });

  it.each([{ type: 'agenda.next' }, { type: 'agenda.prev' }] as const)(
    '$type without an agenda: no_agenda',
    (command) => {
      expectRefused(emptyRoom(), command, FACILITATOR, T0, 'no_agenda');
    },
  );
});

describe('projectAgenda (shared: the dashboard’s projected end and overrun)', () => {
  const view = (s: RoomState): AgendaView => s.agenda!;
  it('before the start: the whole plan from now', () => {
    expect(projectAgenda(view(planned), T0)).toEqual({ projectedEndAt: T0 + 55 * MIN, overrunMs: 0 });
  });
  it('on time, then running over in the current segment', () => {
    const s = next(planned, T0);
    expect(projectAgenda(view(s), T0 + 2 * MIN)).toEqual({ projectedEndAt: T0 + 55 * MIN, overrunMs: 0 });
    // 3 minutes into overtime of the 5-minute opening: the end moves 3 minutes later.
    expect(projectAgenda(view(s), T0 + 8 * MIN)).toEqual({
      projectedEndAt: T0 + 58 * MIN,
      overrunMs: 3 * MIN,
    });
  });
  it('is null once finished', () => {
    const done = next(next(next(next(planned, T0 + 1), T0 + 2), T0 + 3), T0 + 4);
    expect(projectAgenda(view(done), T0 + 5)).toBeNull();
  });
});
