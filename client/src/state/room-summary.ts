import type { DisplayView, MemberView, Outcome, RoundView } from '../../../shared/views';

/** Facts about a room that the member phone and the display both show, derived from the view. */

export function memberName(view: DisplayView, memberId: string | null | undefined): string | null {
  if (memberId == null) return null;
  return view.members.find((m) => m.id === memberId)?.name ?? null;
}

/** The round while it runs; a finished round stays in the view with `endedAt` set. */
export function runningRound(view: DisplayView): RoundView | null {
  return view.round !== null && view.round.endedAt === null ? view.round : null;
}

/** Who the piece goes to next: the next pending member of the round, else the first raised hand. */
export function nextUp(view: DisplayView): MemberView | null {
  const round = runningRound(view);
  const byId = (id: string | undefined) => view.members.find((m) => m.id === id) ?? null;
  if (round === null) return byId(view.hands[0]);
  const later = round.order.slice(round.index + 1).filter((id) => round.outcomes[id] === 'pending');
  // Offline members are skipped (marked absent) when the piece moves on.
  const online = later.map(byId).find((m) => m?.online);
  return online ?? null;
}

export interface RoundProgress {
  /** 1-based place of the current turn, and the number of turns in the round. */
  turn: number;
  total: number;
  counts: Record<Outcome, number>;
  /** Pending turns after the current one. */
  toCome: number;
}

export function roundProgress(round: RoundView): RoundProgress {
  const counts: Record<Outcome, number> = { pending: 0, spoke: 0, passed: 0, absent: 0 };
  for (const id of round.order) counts[round.outcomes[id] ?? 'pending'] += 1;
  const toCome = round.order.slice(round.index + 1).filter((id) => round.outcomes[id] === 'pending').length;
  return { turn: Math.min(round.index + 1, round.order.length), total: round.order.length, counts, toCome };
}

/** How many turns come before `memberId`'s own in the running round; null if they are not waiting. */
export function turnsBefore(round: RoundView, memberId: string): number | null {
  const mine = round.order.indexOf(memberId, round.index + 1);
  if (mine === -1 || round.outcomes[memberId] !== 'pending') return null;
  return round.order.slice(round.index + 1, mine).filter((id) => round.outcomes[id] === 'pending').length;
}

/** 1-based place in the hand queue, or null when the hand is down. */
export function handPosition(view: DisplayView, memberId: string): number | null {
  const at = view.hands.indexOf(memberId);
  return at === -1 ? null : at + 1;
}

export const roundKindLabel: Record<RoundView['kind'], string> = {
  'check-in': 'Check-in round',
  'go-around': 'Go-around',
  closing: 'Closing round',
};

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
