import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import type { Outcome } from '../../shared/views';
import { ownRound } from './draft';
import type { Handler } from './handler';
import { activeRound, isActive, isOnline } from './room-queries';
import { advanceRound } from './round-advance';
import type { RoomState, RoundState } from './state';
import { freePiece } from './talking-piece';

export const roundStartHandler: Handler<CommandOf<'round.start'>> = (draft, command, ctx) => {
  // The seating order holds only active members; a given order may name only them.
  const order = command.order ?? draft.order.filter((id) => isOnline(draft, id));
  if (command.order !== undefined && !command.order.every((id) => isActive(draft, id))) {
    return errorBody('unknown_member', 'Someone in that order is not in the room.');
  }
  if (order.length === 0) return errorBody('no_members');
  draft.seq += 1;
  draft.roundsStarted += 1;
  const outcomes: Record<string, Outcome> = {};
  for (const id of order) outcomes[id] = 'pending';
  const round: RoundState = {
    id: `r${draft.seq}`,
    kind: command.kind,
    prompt: command.prompt ?? '',
    turnSeconds: command.turnSeconds ?? draft.settings.turnSeconds,
    revisitPassed: command.revisitPassed ?? false,
    revisited: false,
    order: [...order],
    index: 0,
    outcomes,
    startedAt: ctx.now,
    endedAt: null,
  };
  // Any previous round is replaced; the previous holder is settled when the piece moves on.
  draft.round = round;
  advanceRound(draft, 0, ctx.now);
  return 'changed';
};

/**
 * The member whose turn it is (at `index`) in the draft's round has spoken, whether or not they
 * still hold the piece (the facilitator may have given or released it meanwhile); the piece moves on.
 */
export function nextInRound(draft: RoomState, now: number): void {
  const round = ownRound(draft);
  const current = round.order[round.index];
  if (current !== undefined && round.outcomes[current] === 'pending') round.outcomes[current] = 'spoke';
  advanceRound(draft, round.index + 1, now);
}

export const roundNextHandler: Handler<CommandOf<'round.next'>> = (draft, _command, ctx) => {
  if (activeRound(draft) === null) return errorBody('no_round');
  nextInRound(draft, ctx.now);
  return 'changed';
};

/** Ends the round now: pending outcomes stay pending; the piece is free and the timer gone. */
export const roundEndHandler: Handler<CommandOf<'round.end'>> = (draft, _command, ctx) => {
  const round = activeRound(draft);
  if (round === null) return errorBody('no_round');
  draft.round = { ...round, endedAt: ctx.now };
  freePiece(draft, ctx.now, 'turn');
  draft.timer = null;
  return 'changed';
};
