import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import { own, ownMember } from './draft';
import { firstCallable } from './hand-queue';
import type { Handler } from './handler';
import { findMember } from './room-queries';
import type { RoomState } from './state';
import { handPiece } from './talking-piece';

/** Takes the member out of the hand queue; false if their hand was not raised. */
export function lowerHand(draft: RoomState, memberId: string): boolean {
  const position = draft.hands.indexOf(memberId);
  if (position === -1) return false;
  own(draft, 'hands').splice(position, 1);
  if (findMember(draft, memberId) !== undefined) ownMember(draft, memberId).handRaisedAt = null;
  return true;
}

export const handRaiseHandler: Handler<CommandOf<'hand.raise'>> = (draft, _command, ctx) => {
  const member = ctx.memberId === null ? undefined : findMember(draft, ctx.memberId);
  if (member === undefined) return errorBody('forbidden');
  if (draft.hands.includes(member.id)) return 'unchanged';
  own(draft, 'hands').push(member.id);
  ownMember(draft, member.id).handRaisedAt = ctx.now;
  return 'changed';
};

export const handLowerHandler: Handler<CommandOf<'hand.lower'>> = (draft, _command, ctx) => {
  if (ctx.memberId === null) return errorBody('forbidden');
  return lowerHand(draft, ctx.memberId) ? 'changed' : 'unchanged';
};

/**
 * The first online member of the served queue gets the piece (a fresh turn, even if they already
 * held it) and their hand is lowered. The queue is ordered as it stands at this command's instant.
 */
export const handCallHandler: Handler<CommandOf<'hand.call'>> = (draft, _command, ctx) => {
  const next = firstCallable(draft, ctx.now);
  if (next === null) return errorBody('queue_empty');
  lowerHand(draft, next);
  handPiece(draft, next, ctx.now);
  return 'changed';
};
