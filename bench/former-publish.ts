import type { RoomState } from '../server/core/state';
import { projectView, type ViewRole } from '../server/rooms/identity-view';
import { SocketBroadcaster } from '../server/transport/socket-broadcaster';
import { publishLobbies } from '../server/transport/socket-effects';
import { roleRoom } from '../server/transport/socket-types';

/**
 * The broadcaster's publish step as it was before the benchmark (commit 209d867): each role's view
 * of both states projected separately, and compared by stringifying both. Installed only by
 * `npm run bench -- --former`, to measure the optimisation end to end against the same build.
 */
export function installFormerPublish(): void {
  const ROLES: ViewRole[] = ['facilitator', 'member', 'display'];
  const same = (a: object, b: object) =>
    JSON.stringify({ ...a, version: 0, serverNow: 0 }) === JSON.stringify({ ...b, version: 0, serverNow: 0 });
  SocketBroadcaster.prototype.publish = function publish(prev: RoomState, next: RoomState, now: number) {
    const io = (this as unknown as { io: Parameters<typeof publishLobbies>[0] }).io;
    for (const role of ROLES) {
      const view = projectView(next, role, now);
      if (same(projectView(prev, role, now), view)) continue;
      io.to(roleRoom(next.code, role)).emit('state', view);
    }
    publishLobbies(io, prev, next, now);
  };
}
