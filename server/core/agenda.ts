import { SEGMENT_KIND_TITLES, type Segment, segmentTimer } from '../../shared/agenda';
import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import type { Handler } from './handler';
import type { AgendaState, RoomState } from './state';

/** The agenda as planned, nothing begun; no agenda at all for an empty list. */
export function agendaState(segments: readonly Segment[]): AgendaState | null {
  if (segments.length === 0) return null;
  return {
    segments: segments.map((segment) => ({
      kind: segment.kind,
      title: segment.title || SEGMENT_KIND_TITLES[segment.kind],
      plannedMs: segment.minutes * 60_000,
    })),
    index: null,
    timer: null,
    startedAt: null,
  };
}

/** Replaces the agenda; no segment is current afterwards. Setting the very same plan again is a no-op. */
export const agendaSetHandler: Handler<CommandOf<'agenda.set'>> = (draft, command) => {
  const next = agendaState(command.segments);
  if (JSON.stringify(next) === JSON.stringify(draft.agenda)) return 'unchanged';
  draft.agenda = next;
  return 'changed';
};

/**
 * The next segment begins now, with its segment timer (the speaker timer is untouched). Before the
 * first, it starts the meeting's agenda; after the last, no segment is current (`index` null, the
 * agenda finished). Once finished, it changes nothing.
 */
export const agendaNextHandler: Handler<CommandOf<'agenda.next'>> = (draft, _command, ctx) => {
  const agenda = draft.agenda;
  if (agenda === null) return errorBody('no_agenda');
  if (agenda.index === null) {
    if (agenda.startedAt !== null) return 'unchanged';
    draft.agenda = { ...agenda, startedAt: ctx.now };
    enterSegment(draft, 0, ctx.now);
    return 'changed';
  }
  if (agenda.index + 1 >= agenda.segments.length) {
    draft.agenda = { ...agenda, index: null, timer: null };
    return 'changed';
  }
  enterSegment(draft, agenda.index + 1, ctx.now);
  return 'changed';
};

/**
 * Back to the previous segment, whose segment timer starts again from its full length. Before the
 * first (or before the agenda began) it changes nothing; once finished, it goes back to the last.
 */
export const agendaPrevHandler: Handler<CommandOf<'agenda.prev'>> = (draft, _command, ctx) => {
  const agenda = draft.agenda;
  if (agenda === null) return errorBody('no_agenda');
  if (agenda.index === null) {
    if (agenda.startedAt === null) return 'unchanged';
    enterSegment(draft, agenda.segments.length - 1, ctx.now);
    return 'changed';
  }
  if (agenda.index === 0) return 'unchanged';
  enterSegment(draft, agenda.index - 1, ctx.now);
  return 'changed';
};

function enterSegment(draft: RoomState, index: number, now: number): void {
  const agenda = draft.agenda!;
  draft.agenda = { ...agenda, index, timer: segmentTimer(agenda.segments[index]!.plannedMs, now) };
}
