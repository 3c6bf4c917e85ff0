import type { StateView } from '../../shared/views';
import { findMember } from '../core/room-queries';
import type { RoomState } from '../core/state';
import { displayView, facilitatorView, lobbyView, memberView, type ViewRole } from '../core/views';

export type { ViewRole };

export function projectView(state: RoomState, role: ViewRole, now: number): StateView {
  if (role === 'facilitator') return facilitatorView(state, now);
  return role === 'member' ? memberView(state, now) : displayView(state, now);
}

/**
 * The view one connection receives, read from the state rather than from what was true at its
 * handshake: a member outside the circle gets their lobby view, a co-facilitator the facilitator
 * view. Null when the room ended or the member is no longer in it.
 */
export function viewOf(
  state: RoomState,
  who: { viewRole: ViewRole; memberId?: string },
  now: number,
): StateView | null {
  if (state.status === 'ended') return null;
  if (who.memberId === undefined) return projectView(state, who.viewRole, now);
  const member = findMember(state, who.memberId);
  if (member === undefined) return null;
  if (member.status !== 'active') return lobbyView(state, member, now);
  return projectView(state, member.role === 'cofacilitator' ? 'facilitator' : 'member', now);
}
