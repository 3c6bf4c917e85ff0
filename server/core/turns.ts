import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import { ownRound } from './draft';
import { firstCallable } from './hand-queue';
import type { Context, Handler } from './handler';
import { lowerHand } from './hands';
import { activeRound } from './room-queries';
import { advanceRound } from './round-advance';
import { nextInRound } from './rounds';
import type { RoomState, RoundState } from './state';
import { freePiece, handPiece } from './talking-piece';

/** The active round, if the holder is the member whose turn it is in it; else null. */
function roundOfHolder(draft: RoomState, holder: string): RoundState | null {
  const round = activeRound(draft);
  return round !== null && round.order[round.index] === holder ? round : null;
}

/** The actor's id when they hold the piece; null otherwise. */
function holdingActor(draft: RoomState, ctx: Context): string | null {
  const holder = draft.speaker?.memberId ?? null;
  return holder !== null && holder === ctx.memberId ? holder : null;
}

/**
 * The holder has finished. In their round turn: as `round.next`. Otherwise the piece goes to the
 * next online raised hand (not their own), whose hand is lowered, or else is free.
 */
export const turnDoneHandler: Handler<CommandOf<'turn.done'>> = (draft, _command, ctx) => {
  const holder = holdingActor(draft, ctx);
  if (holder === null) return errorBody('not_holder');
  const round = roundOfHolder(draft, holder);
  if (round !== null) {
    nextInRound(draft, ctx.now);
    return 'changed';
  }
  const next = firstCallable(draft, ctx.now, holder);
  if (next === null) {
    freePiece(draft, ctx.now, 'turn');
  } else {
    lowerHand(draft, next);
    handPiece(draft, next, ctx.now);
  }
  return 'changed';
};

/**
 * The holder passes: counted in `passes`, not `turns`. In their round turn the outcome becomes
 * `passed` and the piece moves on; otherwise the piece is released.
 */
export const turnPassHandler: Handler<CommandOf<'turn.pass'>> = (draft, _command, ctx) => {
  const holder = holdingActor(draft, ctx);
  if (holder === null) return errorBody('not_holder');
  freePiece(draft, ctx.now, 'pass');
  const round = roundOfHolder(draft, holder);
  if (round !== null) {
    const mine = ownRound(draft);
    mine.outcomes[holder] = 'passed';
    advanceRound(draft, mine.index + 1, ctx.now);
  }
  return 'changed';
};
