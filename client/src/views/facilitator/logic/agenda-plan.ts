import {
  type AgendaPhase,
  type AgendaProjection,
  AgendaSchema,
  type AgendaView,
  agendaPhase,
  projectAgenda,
  SEGMENT_KIND_TITLES,
  type Segment,
  type SegmentKind,
} from '../../../../../shared/agenda';
import { remainingMs } from '../../../../../shared/timer';

/** One row of the agenda editor: minutes kept as typed text so that a half-typed number is not lost. */
export interface SegmentDraft {
  kind: SegmentKind;
  title: string;
  minutes: string;
}

/** The usual shape of a support-group meeting, offered as one-click additions (minutes). */
export const SEGMENT_PRESETS: { kind: SegmentKind; minutes: number }[] = [
  { kind: 'opening', minutes: 5 },
  { kind: 'check-in', minutes: 15 },
  { kind: 'discussion', minutes: 30 },
  { kind: 'break', minutes: 10 },
  { kind: 'closing', minutes: 10 },
];

export const SEGMENT_KINDS = Object.keys(SEGMENT_KIND_TITLES) as SegmentKind[];

/** The editor's rows for the room's agenda: a title equal to the kind's own name is left blank. */
export function draftFromAgenda(agenda: AgendaView | null): SegmentDraft[] {
  if (!agenda) return [];
  return agenda.segments.map((s) => ({
    kind: s.kind,
    title: s.title === SEGMENT_KIND_TITLES[s.kind] ? '' : s.title,
    minutes: String(Math.max(1, Math.round(s.plannedMs / 60_000))),
  }));
}

export type ParsedAgenda = { ok: true; segments: Segment[] } | { ok: false; message: string };

/** The editor's rows as `agenda.set` segments, checked with the shared schema; a message for people if not. */
export function segmentsFromDraft(rows: readonly SegmentDraft[]): ParsedAgenda {
  const segments: Segment[] = [];
  for (const [i, row] of rows.entries()) {
    const minutes = Number(row.minutes);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) {
      return { ok: false, message: `Segment ${i + 1}: please plan between 1 and 240 whole minutes.` };
    }
    const title = row.title.trim();
    if (title.length > 80)
      return { ok: false, message: `Segment ${i + 1}: please keep the title to 80 characters.` };
    segments.push({ kind: row.kind, ...(title ? { title } : {}), minutes });
  }
  const parsed = AgendaSchema.safeParse(segments);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'That agenda is not valid.' };
  return { ok: true, segments: parsed.data };
}

/** True when the rows would set the same plan the room already has. */
export function sameAsAgenda(rows: readonly SegmentDraft[], agenda: AgendaView | null): boolean {
  return JSON.stringify(rows) === JSON.stringify(draftFromAgenda(agenda));
}

export interface AgendaStatus {
  phase: AgendaPhase;
  /** The current segment with its segment timer's time left (ms; below zero is overtime). */
  current: { index: number; title: string; plannedMs: number; remainingMs: number } | null;
  /** The next segment's title, if any. */
  nextTitle: string | null;
  projection: AgendaProjection | null;
  plannedMs: number;
}

/** Where the meeting stands at server instant `now`: the segment, its time left, and the projected end. */
export function agendaStatus(agenda: AgendaView, now: number): AgendaStatus {
  const phase = agendaPhase(agenda);
  const index = agenda.index;
  const segment = index === null ? undefined : agenda.segments[index];
  const current =
    index !== null && segment
      ? {
          index,
          title: segment.title,
          plannedMs: segment.plannedMs,
          remainingMs: agenda.timer ? remainingMs(agenda.timer, now) : segment.plannedMs,
        }
      : null;
  const nextIndex = phase === 'planned' ? 0 : index === null ? null : index + 1;
  return {
    phase,
    current,
    nextTitle: nextIndex === null ? null : (agenda.segments[nextIndex]?.title ?? null),
    projection: projectAgenda(agenda, now),
    plannedMs: agenda.segments.reduce((sum, s) => sum + s.plannedMs, 0),
  };
}

/** "on plan", "4 min over plan", "2 min ahead of plan": whole minutes, rounded toward "on plan". */
export function overrunWords(overrunMs: number): string {
  const minutes = Math.trunc(overrunMs / 60_000);
  if (minutes === 0) return 'on plan';
  return minutes > 0 ? `${minutes} min over plan` : `${-minutes} min ahead of plan`;
}

/** "1 h 20 min", "45 min": a planned length in words. */
export function minutesWords(ms: number): string {
  const total = Math.round(ms / 60_000);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A clock time of day for a server instant, in the reader's locale ("7:45 PM", "19:45"). */
export function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}

/** Whether segment `i` is behind, at, or ahead of where the meeting stands. */
export function segmentState(agenda: AgendaView, i: number): 'done' | 'current' | 'todo' {
  if (agenda.index === null) return agenda.startedAt === null ? 'todo' : 'done';
  if (i === agenda.index) return 'current';
  return i < agenda.index ? 'done' : 'todo';
}
