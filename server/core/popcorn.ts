import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import { ownRound } from './draft';
import type { Handler } from './handler';
import { lowerHand } from './hands';
import { activeRound, findMember } from './room-queries';
import { advanceRound } from './round-advance';
import type { RoundState } from './state';
import { handPiece } from './talking-piece';

/**
 * Popcorn style: the holder hands the piece to a member of their choice. Checks, in order:
 * `not_holder`, `popcorn_off` (unless `settings.popcorn`), then `unknown_member` for a target who
 * is not active or, during the holder's turn in a round, is no longer pending there.
 *
 * In the holder's round turn, their outcome becomes `spoke` and the target's pending place moves to
 * right after theirs, so the round goes on from the target (an offline target is marked `absent`
 * and the round moves on, as for anyone whose turn comes while offline). Otherwise the piece simply
 * passes (a fresh turn, the timer restarted) and the target's raised hand, if any, is lowered.
 * Handing it to oneself changes nothing.
 */
export const turnHandToHandler: Handler<CommandOf<'turn.handTo'>> = (draft, command, ctx) => {
  const holder = draft.speaker?.memberId ?? null;
  if (holder === null || holder !== ctx.memberId) return errorBody('not_holder');
  if (!draft.settings.popcorn) return errorBody('popcorn_off');
  const target = findMember(draft, command.memberId);
  if (target === undefined || target.status !== 'active') return errorBody('unknown_member');
  if (target.id === holder) return 'unchanged';
  const round = activeRound(draft);
  if (round !== null && round.order[round.index] === holder) {
    const place = pendingPlaceAfter(round, target.id);
    if (place === -1)
      return errorBody('unknown_member', 'That person has already had their turn in this round.');
    const mine = ownRound(draft);
    mine.outcomes[holder] = 'spoke';
    mine.order.splice(place, 1);
    mine.order.splice(mine.index + 1, 0, target.id);
    lowerHand(draft, target.id);
    advanceRound(draft, mine.index + 1, ctx.now);
    return 'changed';
  }
  lowerHand(draft, target.id);
  handPiece(draft, target.id, ctx.now);
  return 'changed';
};

/** The target's place still to come in the round (after `index`), or -1. */
function pendingPlaceAfter(round: RoundState, memberId: string): number {
  if (round.outcomes[memberId] !== 'pending') return -1;
  for (let i = round.index + 1; i < round.order.length; i++) if (round.order[i] === memberId) return i;
  return -1;
}
