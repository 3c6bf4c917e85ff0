import { z } from 'zod';

/** A countdown as data: it runs while `startedAt` is not null. All values in milliseconds. */
export const TimerSchema = z.object({
  durationMs: z.number().int(),
  startedAt: z.number().int().nullable(),
  elapsedMs: z.number().int(),
});
export type Timer = z.infer<typeof TimerSchema>;

/** Time consumed at server instant `now` (ms). */
export function elapsedMs(timer: Timer, now: number): number {
  return timer.elapsedMs + (timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt));
}

/** Remaining time at server instant `now` (ms); below zero is overtime. */
export function remainingMs(timer: Timer, now: number): number {
  return timer.durationMs - elapsedMs(timer, now);
}

export type TimerPhase = 'ok' | 'warn' | 'over';

/** Green while more than `warnSeconds` remain, amber up to zero, red in overtime. */
export function timerPhase(remaining: number, warnSeconds: number): TimerPhase {
  if (remaining < 0) return 'over';
  if (remaining <= warnSeconds * 1000) return 'warn';
  return 'ok';
}

/** m:ss for a remaining time; overtime shows as +m:ss. The second flips when a whole second passes. */
export function formatClock(remaining: number): string {
  const over = remaining < 0;
  const totalSeconds = over ? Math.floor(-remaining / 1000) : Math.ceil(remaining / 1000);
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return `${over ? '+' : ''}${m}:${String(s).padStart(2, '0')}`;
}
