import type { DisplayView, MemberView } from '../../../shared/views';
import { runningRound } from './room-summary';

/**
 * Whom the holder may hand the piece to, popcorn style: in their own round turn, the members still
 * waiting for theirs, in round order; otherwise every other member. Only members who are online:
 * the piece handed to a sleeping phone would sit there (or, in a round, skip them as absent).
 */
export function handToCandidates(view: DisplayView, holderId: string): MemberView[] {
  const online = new Map(view.members.filter((m) => m.online && m.id !== holderId).map((m) => [m.id, m]));
  const round = runningRound(view);
  if (round === null || round.order[round.index] !== holderId) return [...online.values()];
  const later = round.order.slice(round.index + 1).filter((id) => round.outcomes[id] === 'pending');
  return [...new Set(later)].flatMap((id) => online.get(id) ?? []);
}

/** Whether this phone should offer "Hand the piece to…": popcorn is on and this member holds it. */
export function canHandOn(view: DisplayView, memberId: string | null): boolean {
  return view.settings.popcorn && memberId !== null && view.speaker?.memberId === memberId;
}
