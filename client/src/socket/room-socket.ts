import { io, type Socket } from 'socket.io-client';
import type { HandshakeAuth } from '../../../shared/auth';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/events';

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Opens a typed Socket.IO connection to the room. WebSocket only: no long-polling fallback,
 * so a phone on flaky Wi-Fi reconnects with socket.io's own backoff instead of polling.
 * `url` defaults to the page's own origin (the server serves the client).
 */
export function openRoomSocket(auth: HandshakeAuth, url?: string): RoomSocket {
  // forceNew: each RoomClient owns its connection and closes it, never sharing a cached Manager.
  const options = { auth, transports: ['websocket'], forceNew: true };
  return url === undefined ? io(options) : io(url, options);
}
