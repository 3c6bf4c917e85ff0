import { z } from 'zod';
import { remainingMs, type Timer, TimerSchema } from './timer';

export const SegmentKindSchema = z.enum(['opening', 'check-in', 'discussion', 'closing', 'break', 'custom']);
export type SegmentKind = z.infer<typeof SegmentKindSchema>;

/** A segment as people plan it (`POST /api/rooms` `agenda`, `agenda.set` `segments`). */
export const SegmentSchema = z.object({
  kind: SegmentKindSchema,
  title: z.string().trim().max(80).optional(),
  minutes: z.number().int().min(1).max(240),
});
export type Segment = z.infer<typeof SegmentSchema>;
export const AgendaSchema = z.array(SegmentSchema).max(30, 'Please keep the agenda to 30 segments.');

/** The title a segment shows when it was given none. */
export const SEGMENT_KIND_TITLES: Record<SegmentKind, string> = {
  opening: 'Opening',
  'check-in': 'Check-in',
  discussion: 'Discussion',
  closing: 'Closing',
  break: 'Break',
  custom: 'Segment',
};

/** A segment as views carry it: its title resolved and its planned length in ms. */
export const AgendaSegmentViewSchema = z.object({
  kind: SegmentKindSchema,
  title: z.string(),
  plannedMs: z.number().int(),
});
export type AgendaSegmentView = z.infer<typeof AgendaSegmentViewSchema>;

/**
 * The agenda on every view. `index` is the current segment (null before the first `agenda.next` and
 * after the last); `timer` is the segment timer (separate from the speaker timer), started by
 * `agenda.next`/`agenda.prev` with the segment's planned length; `startedAt` is when the first
 * segment began (null until then).
 */
export const AgendaViewSchema = z.object({
  segments: z.array(AgendaSegmentViewSchema),
  index: z.number().int().nullable(),
  timer: TimerSchema.nullable(),
  startedAt: z.number().nullable(),
});
export type AgendaView = z.infer<typeof AgendaViewSchema>;

export type AgendaPhase = 'planned' | 'running' | 'finished';

/** Where the meeting is: not begun, in a segment, or past the last one. */
export function agendaPhase(agenda: AgendaView): AgendaPhase {
  if (agenda.index !== null) return 'running';
  return agenda.startedAt === null ? 'planned' : 'finished';
}

export interface AgendaProjection {
  /** When the meeting should end if every segment still to come keeps to its plan (server ms). */
  projectedEndAt: number;
  /** How late that is against the plan (ms); negative when ahead of it. */
  overrunMs: number;
}

/**
 * The projected end of the meeting at server instant `now`: the current segment's time left (none
 * once in overtime) plus the planned length of every later segment. The plan is `startedAt` plus
 * every segment's planned length; before the start, the plan begins now. Null once finished.
 */
export function projectAgenda(agenda: AgendaView, now: number): AgendaProjection | null {
  const planned = agenda.segments.reduce((sum, s) => sum + s.plannedMs, 0);
  if (agenda.index === null) {
    if (agenda.startedAt !== null) return null;
    return { projectedEndAt: now + planned, overrunMs: 0 };
  }
  const later = agenda.segments.slice(agenda.index + 1).reduce((sum, s) => sum + s.plannedMs, 0);
  const left = agenda.timer === null ? 0 : Math.max(0, remainingMs(agenda.timer, now));
  const projectedEndAt = now + left + later;
  return { projectedEndAt, overrunMs: projectedEndAt - ((agenda.startedAt ?? now) + planned) };
}

/** The segment timer of a segment that begins at `now`. */
export function segmentTimer(plannedMs: number, now: number): Timer {
  return { durationMs: plannedMs, startedAt: now, elapsedMs: 0 };
}
