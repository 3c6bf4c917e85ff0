import { type IncomingMessage, ServerResponse } from 'node:http';
import type { IoServer, IoSocket } from './socket-types';

/**
 * What a connected socket no longer needs from its handshake, let go so that each of thousands of
 * connections costs less and keeps nothing it does not use (docs/performance.md, "Memory").
 *
 * For a WebSocket upgrade, Engine.IO hands its middlewares a stand-in for the response that holds
 * the upgrade request until the TCP connection closes (through a `close` listener on it). The
 * middleware below remembers each stand-in by its request, so that `releaseHandshake` can cut it
 * loose once the handshake is done. (A client that starts on long-polling and upgrades later keeps
 * its upgrade's stand-in; Circlekeeper's pages connect over WebSocket from the start.)
 */
const standIns = new WeakMap<IncomingMessage, { req: unknown }>();

export function rememberUpgradeStandIns(io: IoServer): void {
  io.engine.use((req: IncomingMessage, res: unknown, next: () => void) => {
    if (!(res instanceof ServerResponse)) standIns.set(req, res as { req: unknown });
    next();
  });
}

const NOTHING = Object.freeze({});

/**
 * Lets go of the HTTP upgrade request (address, headers: Socket.IO's own advice for many
 * connections) and of everything the handshake recorded, the credentials sent (a key, a token or a
 * name) included. Nothing after the handshake reads them.
 */
export function releaseHandshake(socket: IoSocket): void {
  const conn = socket.conn as unknown as { request: IncomingMessage | null };
  const standIn = conn.request && standIns.get(conn.request);
  if (standIn) standIn.req = null;
  conn.request = null;
  Object.assign(socket.handshake, {
    headers: NOTHING,
    query: NOTHING,
    auth: NOTHING,
    url: '',
    time: '',
    address: '',
  });
}
