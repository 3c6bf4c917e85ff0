import { formatClock, remainingMs, type Timer, type TimerPhase, timerPhase } from '../../../shared/timer';

export interface TimerReadout {
  clock: string;
  phase: TimerPhase;
  /** The words that carry the phase, so that it never rests on colour alone. */
  word: string;
  paused: boolean;
}

const PHASE_WORDS: Record<TimerPhase, string> = { ok: 'Time left', warn: 'Wrap up', over: 'Time' };

/** What a countdown shows at server instant `now`. */
export function timerReadout(timer: Timer, warnSeconds: number, now: number): TimerReadout {
  const remaining = remainingMs(timer, now);
  const phase = timerPhase(remaining, warnSeconds);
  const paused = timer.startedAt === null;
  const word = paused && timer.elapsedMs > 0 ? `Paused · ${PHASE_WORDS[phase]}` : PHASE_WORDS[phase];
  return { clock: formatClock(remaining), phase, word, paused };
}
