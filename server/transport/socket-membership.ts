import type { Welcome } from '../../shared/events';
import { isLobbyView } from '../../shared/lobby';
import { isFacilitatorView, type StateView } from '../../shared/views';
import type { Identity } from '../rooms/room-service';
import { allRoom, type IoSocket, memberRoom, roleRoom } from './socket-types';

/**
 * The Socket.IO rooms a new connection joins: the whole room's (for `room.end`), the member's own
 * (nudges, status, role, ejection, lobby views) and its role's broadcast — which a member outside
 * the circle (agreements not yet accepted, or waiting to be admitted) does not follow.
 */
export function roomsOf(identity: Identity): string[] {
  const { code, memberId, status } = identity;
  const rooms = [allRoom(code)];
  if (memberId !== undefined) rooms.push(memberRoom(code, memberId));
  if (status === undefined || status === 'active') rooms.push(roleRoom(code, identity.viewRole));
  return rooms;
}

export function welcomeOf(identity: Identity, serverNow: number): Welcome {
  const { actor, memberId, memberToken, status } = identity;
  const role: Welcome['role'] =
    actor.kind === 'facilitator'
      ? 'facilitator'
      : actor.kind === 'display'
        ? 'display'
        : identity.viewRole === 'facilitator'
          ? 'cofacilitator'
          : 'member';
  return {
    role,
    ...(memberId !== undefined ? { memberId } : {}),
    ...(memberToken !== undefined ? { memberToken } : {}),
    ...(status !== undefined ? { status } : {}),
    serverNow,
  };
}

/**
 * Makes a member's socket follow the broadcast that matches the view it is about to receive (read
 * after the handshake: the member may have been admitted, or made co-facilitator, in between).
 */
export function followView(socket: IoSocket, view: StateView): void {
  const { code, memberId } = socket.data.identity;
  if (memberId === undefined) return;
  const member = roleRoom(code, 'member');
  const facilitator = roleRoom(code, 'facilitator');
  if (isLobbyView(view)) {
    void socket.leave(member);
    void socket.leave(facilitator);
  } else if (isFacilitatorView(view)) {
    void socket.leave(member);
    void socket.join(facilitator);
  } else {
    void socket.leave(facilitator);
    void socket.join(member);
  }
}
