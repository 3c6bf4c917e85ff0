import { findMember } from './room-queries';
import type { RoomState } from './state';
import { liveSpokenMs } from './stats';

/**
 * The hand queue in the order `hand.call` serves it, at instant `now` (ms):
 * - `raised`: by raising time, then raising order;
 * - `least-spoken` (progressive stack): by total speaking time so far, the holder's live part
 *   included, least first; ties by raising time, then raising order.
 * Offline members keep their place here (phones sleep); `hand.call` skips them.
 */
export function servedHands(state: RoomState, now: number): string[] {
  if (state.hands.length === 0) return [];
  const entries = state.hands.flatMap((memberId, position) => {
    const member = findMember(state, memberId);
    if (member === undefined) return [];
    const spokenMs = state.settings.queueOrder === 'least-spoken' ? liveSpokenMs(state, memberId, now) : 0;
    return [{ memberId, position, spokenMs, raisedAt: member.handRaisedAt ?? 0 }];
  });
  entries.sort((a, b) => a.spokenMs - b.spokenMs || a.raisedAt - b.raisedAt || a.position - b.position);
  return entries.map((entry) => entry.memberId);
}

/** The first online member of the served queue, other than `except`; null when there is none. */
export function firstCallable(state: RoomState, now: number, except: string | null = null): string | null {
  return (
    servedHands(state, now).find((id) => id !== except && findMember(state, id)?.online === true) ?? null
  );
}
