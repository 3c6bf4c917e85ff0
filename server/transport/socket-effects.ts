import type { Effect } from '../core/effects';
import { findMember } from '../core/room-queries';
import type { RoomState } from '../core/state';
import { lobbyView } from '../core/views';
import { viewOf } from '../rooms/identity-view';
import { allRoom, type IoServer, memberRoom, roleRoom } from './socket-types';

/**
 * Effects carried out over Socket.IO. Every target is a Socket.IO room (a member's own room, a
 * role's room, the whole room's), never a local socket, so that with the Redis adapter the
 * emits, joins and disconnects reach sockets on every process.
 */
export function deliverEffects(
  io: IoServer,
  code: string,
  effects: readonly Effect[],
  next: RoomState,
  now: number,
): void {
  for (const effect of effects) {
    switch (effect.kind) {
      case 'nudge':
        // The holder's own sockets only: never a role room, so never the display.
        io.to(memberRoom(code, effect.memberId)).emit('nudge', effect.nudge);
        break;
      case 'status': {
        const own = memberRoom(code, effect.memberId);
        // Admitted: their sockets follow the members' broadcasts from now on.
        if (effect.status === 'active') io.in(own).socketsJoin(roleRoom(code, 'member'));
        io.to(own).emit('status', { status: effect.status });
        sendOwnView(io, code, effect.memberId, next, now);
        break;
      }
      case 'role': {
        const own = io.in(memberRoom(code, effect.memberId));
        const [from, to] =
          effect.role === 'cofacilitator'
            ? (['member', 'facilitator'] as const)
            : (['facilitator', 'member'] as const);
        own.socketsLeave(roleRoom(code, from));
        own.socketsJoin(roleRoom(code, to));
        io.to(memberRoom(code, effect.memberId)).emit('role', { role: effect.role });
        sendOwnView(io, code, effect.memberId, next, now);
        break;
      }
      case 'eject': {
        const own = io.in(memberRoom(code, effect.memberId));
        own.emit('removed', { reason: effect.reason });
        afterAcks(() => own.disconnectSockets(true));
        break;
      }
      case 'ended': {
        // Facilitators and co-facilitators (all in the facilitator room) get the summary first.
        io.to(roleRoom(code, 'facilitator')).emit('summary', effect.summary);
        const everyone = io.in(allRoom(code));
        everyone.emit('removed', { reason: 'ended' });
        afterAcks(() => everyone.disconnectSockets(true));
        break;
      }
      default:
        effect satisfies never;
    }
  }
}

/**
 * Disconnects once the command's ack has gone out: the sender may be among those sent away (a
 * facilitator ending the room, a co-facilitator removing themselves) and must still hear `ok`.
 * The ack is sent when the service's promise settles, which is always before the next timer.
 */
function afterAcks(disconnect: () => void): void {
  setTimeout(disconnect, 0);
}

/** The member's view as it now is (lobby, member or facilitator), to their own sockets. */
function sendOwnView(io: IoServer, code: string, memberId: string, next: RoomState, now: number): void {
  const view = viewOf(next, { viewRole: 'member', memberId }, now);
  if (view !== null) io.to(memberRoom(code, memberId)).emit('state', view);
}

/**
 * Members outside the circle follow no role's broadcast: each gets their lobby view in their own
 * room when the room's title or texts changed. (A change of status comes with its own view, from
 * the `status` effect; a member who just joined gets theirs when their socket is greeted.)
 */
export function publishLobbies(io: IoServer, prev: RoomState, next: RoomState, now: number): void {
  const members = next.members;
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    if (member.status === 'active') continue;
    const view = lobbyView(next, member, now);
    const before = findMember(prev, member.id);
    if (before === undefined || before.status !== member.status) continue;
    if (sameLobby(lobbyView(prev, before, now), view)) continue;
    io.to(memberRoom(next.code, member.id)).emit('state', view);
  }
}

function sameLobby(a: object, b: object): boolean {
  return (
    JSON.stringify({ ...a, version: 0, serverNow: 0 }) === JSON.stringify({ ...b, version: 0, serverNow: 0 })
  );
}
