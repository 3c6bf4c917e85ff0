import type { Command } from '../../../../../shared/commands';
import type { Timer } from '../../../../../shared/timer';

export type TimerState = 'none' | 'running' | 'paused' | 'ready';

/** `ready`: reset (or never run) at full time; `paused`: stopped part-way. */
export function timerState(timer: Timer | null): TimerState {
  if (!timer) return 'none';
  if (timer.startedAt !== null) return 'running';
  return timer.elapsedMs === 0 ? 'ready' : 'paused';
}

/** Space on the dashboard: start a timer when there is none, pause a running one, else resume. */
export function toggleTimerCommand(timer: Timer | null): Command {
  switch (timerState(timer)) {
    case 'none':
      return { type: 'timer.start' };
    case 'running':
      return { type: 'timer.pause' };
    default:
      return { type: 'timer.resume' };
  }
}
