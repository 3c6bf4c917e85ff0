import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import { ownStats } from './draft';
import type { Handler } from './handler';
import { isActive } from './room-queries';
import { turnTimer } from './speaker-timer';
import type { RoomState } from './state';

/** How a holding of the piece ended: a pass counts in `passes`, anything else in `turns`. */
export type LetGo = 'turn' | 'pass';

/**
 * Settles the holder's speaking time and frees the piece; the speaker timer goes with it.
 * Nobody holding: nothing happens.
 */
export function freePiece(draft: RoomState, now: number, how: LetGo): void {
  const speaker = draft.speaker;
  if (speaker === null) return;
  const stats = ownStats(draft, speaker.memberId);
  stats.spokenMs += Math.max(0, now - speaker.since);
  if (how === 'pass') stats.passes += 1;
  else stats.turns += 1;
  draft.speaker = null;
  draft.timer = null;
}

/**
 * Hands the piece to `memberId`: the previous holder is settled (as a turn), the new holding starts
 * now and the turn timer restarts. Handing it to the holder again settles their holding and starts
 * a fresh one (a new turn, e.g. their turn in a round after they were given the piece earlier).
 */
export function handPiece(draft: RoomState, memberId: string, now: number): void {
  freePiece(draft, now, 'turn');
  draft.speaker = { memberId, since: now };
  ownStats(draft, memberId).lastSpokeAt = now;
  draft.timer = turnTimer(draft, now);
}

export const giveHandler: Handler<CommandOf<'piece.give'>> = (draft, command, ctx) => {
  if (!isActive(draft, command.memberId)) return errorBody('unknown_member');
  if (draft.speaker?.memberId === command.memberId) return 'unchanged';
  // The round (if any) is left as it is: giving the piece is the facilitator's override.
  handPiece(draft, command.memberId, ctx.now);
  return 'changed';
};

export const releaseHandler: Handler<CommandOf<'piece.release'>> = (draft, _command, ctx) => {
  if (draft.speaker === null) return 'unchanged';
  freePiece(draft, ctx.now, 'turn');
  return 'changed';
};
