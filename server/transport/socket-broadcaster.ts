import type { RoomState } from '../core/state';
import type { RoomBroadcaster } from '../rooms/broadcaster';
import { projectView, type ViewRole } from '../rooms/room-service';
import { type IoServer, memberRoom, roleRoom } from './socket-types';

const ROLES: ViewRole[] = ['facilitator', 'member', 'display'];

/**
 * Sends each role's view once per change to that role's Socket.IO room (the adapter encodes it once,
 * and with Redis carries it to every process). A role whose view did not change gets nothing, so a
 * private signal causes no message at all on members' phones or the display.
 */
export class SocketBroadcaster implements RoomBroadcaster {
  constructor(private readonly io: IoServer) {}

  publish(prev: RoomState, next: RoomState, now: number): void {
    for (const role of ROLES) {
      const view = projectView(next, role, now);
      if (sameContent(projectView(prev, role, now), view)) continue;
      this.io.to(roleRoom(next.code, role)).emit('state', view);
    }
  }

  eject(code: string, memberId: string, reason: string): void {
    const sockets = this.io.in(memberRoom(code, memberId));
    sockets.emit('removed', { reason });
    sockets.disconnectSockets(true);
  }
}

/** Two views say the same thing when they differ at most in version and serverNow. */
function sameContent(a: object, b: object): boolean {
  return (
    JSON.stringify({ ...a, version: 0, serverNow: 0 }) === JSON.stringify({ ...b, version: 0, serverNow: 0 })
  );
}
