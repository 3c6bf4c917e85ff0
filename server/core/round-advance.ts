import { ownRound } from './draft';
import { isOnline } from './room-queries';
import type { RoomState, RoundState } from './state';
import { freePiece, handPiece } from './talking-piece';

/**
 * Walks the draft's round (there must be one) from position `from` and gives the piece to the
 * first online member still `pending`. Members who left or are offline when their turn comes get
 * `absent`; anyone already settled (`spoke`, `passed`, `absent`) is skipped. At the end, with
 * `revisitPassed`, those who passed are appended once (in round order) for a second chance;
 * otherwise the round completes: the piece is free, the timer gone, `index` = order length.
 *
 * The caller settles a pass beforehand; any other holder is settled here as a turn.
 */
export function advanceRound(draft: RoomState, from: number, now: number): void {
  const round = ownRound(draft);
  let i = from;
  for (;;) {
    for (; i < round.order.length; i++) {
      const memberId = round.order[i]!;
      if (round.outcomes[memberId] !== 'pending') continue;
      if (!isOnline(draft, memberId)) {
        round.outcomes[memberId] = 'absent';
        continue;
      }
      round.index = i;
      handPiece(draft, memberId, now);
      return;
    }
    if (!appendPassed(round)) break;
  }
  round.index = round.order.length;
  round.endedAt = now;
  freePiece(draft, now, 'turn');
}

/** Appends the members who passed for their second chance; false if there is none or it was given. */
function appendPassed(round: RoundState): boolean {
  if (!round.revisitPassed || round.revisited) return false;
  const passed = round.order.filter((id) => round.outcomes[id] === 'passed');
  if (passed.length === 0) return false;
  for (const id of passed) round.outcomes[id] = 'pending';
  round.order.push(...passed);
  round.revisited = true;
  return true;
}
