import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import type { Timer } from '../../shared/timer';
import type { Handler } from './handler';
import { activeRound } from './room-queries';
import type { RoomState } from './state';

/** Default length of a turn (s): the running round's, else the room's setting. */
export function turnSeconds(state: RoomState): number {
  return activeRound(state)?.turnSeconds ?? state.settings.turnSeconds;
}

/** The timer of a turn that begins at `now`; it runs at once only under `autoStartTimer`. */
export function turnTimer(state: RoomState, now: number): Timer {
  return {
    durationMs: turnSeconds(state) * 1000,
    startedAt: state.settings.autoStartTimer ? now : null,
    elapsedMs: 0,
  };
}

function sameTimer(a: Timer | null, b: Timer): boolean {
  return (
    a !== null && a.durationMs === b.durationMs && a.startedAt === b.startedAt && a.elapsedMs === b.elapsedMs
  );
}

export const timerStartHandler: Handler<CommandOf<'timer.start'>> = (draft, command, ctx) => {
  // Allowed with or without a holder: a facilitator may time an open discussion.
  const next: Timer = {
    durationMs: (command.seconds ?? turnSeconds(draft)) * 1000,
    startedAt: ctx.now,
    elapsedMs: 0,
  };
  if (sameTimer(draft.timer, next)) return 'unchanged';
  draft.timer = next;
  return 'changed';
};

export const timerPauseHandler: Handler<CommandOf<'timer.pause'>> = (draft, _command, ctx) => {
  const { timer } = draft;
  if (timer === null) return errorBody('no_timer');
  if (timer.startedAt === null) return 'unchanged';
  draft.timer = {
    ...timer,
    elapsedMs: timer.elapsedMs + Math.max(0, ctx.now - timer.startedAt),
    startedAt: null,
  };
  return 'changed';
};

export const timerResumeHandler: Handler<CommandOf<'timer.resume'>> = (draft, _command, ctx) => {
  const { timer } = draft;
  if (timer === null) return errorBody('no_timer');
  if (timer.startedAt !== null) return 'unchanged';
  draft.timer = { ...timer, startedAt: ctx.now };
  return 'changed';
};

/** Back to full time, stopped; the duration stays. */
export const timerResetHandler: Handler<CommandOf<'timer.reset'>> = (draft) => {
  const { timer } = draft;
  if (timer === null) return errorBody('no_timer');
  if (timer.elapsedMs === 0 && timer.startedAt === null) return 'unchanged';
  draft.timer = { ...timer, elapsedMs: 0, startedAt: null };
  return 'changed';
};

/** Lengthens or shortens the running or paused timer; the duration never drops below 0 ms. */
export const timerAddHandler: Handler<CommandOf<'timer.add'>> = (draft, command) => {
  const { timer } = draft;
  if (timer === null) return errorBody('no_timer');
  const durationMs = Math.max(0, timer.durationMs + command.seconds * 1000);
  if (durationMs === timer.durationMs) return 'unchanged';
  draft.timer = { ...timer, durationMs };
  return 'changed';
};
