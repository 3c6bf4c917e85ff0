import type { Welcome } from '../../shared/events';
import { isLobbyView } from '../../shared/lobby';
import { isFacilitatorView, type StateView } from '../../shared/views';
import type { Identity } from '../rooms/room-service';
import { allRoom, type IoSocket, memberRoom, roleRoom } from './socket-types';

/**
 * The Socket.IO rooms a new connection joins at once: the whole room's (for `room.end`), and the
 * member's own (nudges, status, role, ejection, lobby views) or, for a facilitator or a display,
 * its role's broadcast. A member follows their role's broadcast from `followRole`, once their
 * coming online has gone out to the others.
 */
export function roomsOf(identity: Identity): string[] {
  const { code, memberId } = identity;
  return [
    allRoom(code),
    memberId === undefined ? roleRoom(code, identity.viewRole) : memberRoom(code, memberId),
  ];
}

/**
 * Makes a member's socket follow its role's broadcast, unless the member is outside the circle
 * (agreements not yet accepted, or waiting to be admitted). Done before the member's view is read,
 * so that no change falls between the view and the broadcasts that follow it.
 */
export function followRole(socket: IoSocket): void {
  const { code, memberId, status, viewRole } = socket.data.identity;
  if (memberId !== undefined && status === 'active') void socket.join(roleRoom(code, viewRole));
}

export function welcomeOf(identity: Identity, memberToken: string | undefined, serverNow: number): Welcome {
  const { actor, memberId, status } = identity;
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
