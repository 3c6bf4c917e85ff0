import { type AgendaSegmentView, type AgendaView, agendaPhase } from '../../../shared/agenda';
import { remainingMs, type Timer } from '../../../shared/timer';

export interface SegmentNow {
  segment: AgendaSegmentView;
  /** 0-based place of the segment, and how many the agenda has. */
  index: number;
  count: number;
  timer: Timer | null;
}

/** The segment the meeting is in, or null before the agenda starts, after it ends, or without one. */
export function currentSegment(agenda: AgendaView | null): SegmentNow | null {
  if (agenda === null || agendaPhase(agenda) !== 'running' || agenda.index === null) return null;
  const segment = agenda.segments[agenda.index];
  if (segment === undefined) return null;
  return { segment, index: agenda.index, count: agenda.segments.length, timer: agenda.timer };
}

const MINUTE = 60_000;

/**
 * The segment's time in whole minutes, as a phone's small line says it: "12 min left" (rounded
 * up, so it reads "1 min left" in the last minute), "time is up" in the first minute over, then
 * "3 min over". Each wording changes exactly on a whole minute of the segment timer.
 */
export function minutesLeftText(remaining: number): string {
  if (remaining > 0) return `${Math.ceil(remaining / MINUTE)} min left`;
  const over = Math.floor(-remaining / MINUTE);
  return over === 0 ? 'time is up' : `${over} min over`;
}

/** "Check-in · 12 min left" (or just the title when the segment has no timer). */
export function segmentLine(now: SegmentNow, serverNow: number): string {
  if (now.timer === null) return now.segment.title;
  return `${now.segment.title} · ${minutesLeftText(remainingMs(now.timer, serverNow))}`;
}
