import type { Timer } from '../../../shared/timer';

/**
 * The server instant at which a timer's remaining time is a whole number of seconds, to anchor
 * useServerNow on; 0 for a stopped timer, whose display does not change.
 */
export function timerAnchor(timer: Timer | null): number {
  if (timer === null || timer.startedAt === null) return 0;
  return timer.startedAt - timer.elapsedMs + timer.durationMs;
}
