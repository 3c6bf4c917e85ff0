import type { Server, Socket } from 'socket.io';
import type { ServerToClientEvents } from '../../shared/events';
import type { StateView } from '../../shared/views';
import type { Identity } from '../rooms/room-service';
import type { ViewJson } from './view-json';

/** What clients send, as the server must treat it: unknown until parsed. */
export interface WireEvents {
  command: (payload: unknown, ack?: unknown) => void;
  clock: (ack?: unknown) => void;
}

export interface SocketData {
  identity: Identity;
  /** A new member's resume secret, from the handshake until the welcome carries it; then forgotten. */
  memberToken: string | undefined;
}

/** What the server emits: the protocol's events, a broadcast `state` as its JSON already written. */
export type EmittedEvents = Omit<ServerToClientEvents, 'state'> & {
  state: (view: StateView | ViewJson) => void;
};

export type IoServer = Server<WireEvents, EmittedEvents, Record<string, never>, SocketData>;
export type IoSocket = Socket<WireEvents, EmittedEvents, Record<string, never>, SocketData>;

/** Socket.IO rooms: one per role per room (one broadcast serves the role), one per member. */
export const roleRoom = (code: string, role: Identity['viewRole']) => `${code}:${role}`;
export const memberRoom = (code: string, memberId: string) => `${code}:m:${memberId}`;
/** Every socket of a room, whatever its role or status: `room.end` reaches them all through it. */
export const allRoom = (code: string) => `${code}:all`;
