import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { HandshakeAuthSchema } from '../../shared/auth';
import { parseCommand } from '../../shared/parse';
import type { Result } from '../../shared/results';
import type { Clock } from '../clock';
import type { Metrics } from '../metrics';
import type { Presence } from '../presence/presence';
import { RoomError, type RoomService } from '../rooms/room-service';
import { originAllowed } from './origin';
import { SocketBroadcaster } from './socket-broadcaster';
import { type IoServer, type IoSocket, memberRoom, roleRoom } from './socket-types';

export interface SocketServerDeps {
  service: RoomService;
  presence: Presence;
  clock: Clock;
  metrics: Metrics;
  log: Logger;
  allowedOrigins: string[] | undefined;
}

/** Largest inbound Socket.IO message (bytes): commands are tiny; anything bigger is refused by disconnect. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export function createSocketServer(httpServer: HttpServer, deps: SocketServerDeps) {
  const io: IoServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    allowRequest: (req, callback) => callback(null, originAllowed(req, deps.allowedOrigins)),
  });
  deps.service.attach(new SocketBroadcaster(io));
  const pending = new Set<Promise<unknown>>();
  /** Work a socket started; awaited on shutdown, and its failures are logged rather than lost. */
  const track = (work: Promise<unknown>) => {
    const settled = work.catch((err: unknown) => deps.log.error({ err }, 'socket work failed'));
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
  };

  io.use((socket, next) => {
    const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success)
      return next(
        new Error(auth.error.issues.some((i) => i.path[0] === 'name') ? 'invalid_name' : 'bad_credentials'),
      );
    deps.service.authenticate(auth.data).then(
      (identity) => {
        socket.data.identity = identity;
        next();
      },
      (err: unknown) => {
        if (!(err instanceof RoomError)) deps.log.error({ err }, 'handshake failed');
        next(new Error(err instanceof RoomError ? err.code : 'unavailable'));
      },
    );
  });

  io.on('connection', (socket) => {
    const identity = socket.data.identity;
    const { code, memberId } = identity;
    deps.metrics.sockets.inc({ role: identity.viewRole });
    void socket.join(roleRoom(code, identity.viewRole));
    if (memberId) void socket.join(memberRoom(code, memberId));
    socket.emit('welcome', {
      role:
        identity.viewRole === 'display'
          ? 'display'
          : identity.actor.kind === 'facilitator'
            ? 'facilitator'
            : 'member',
      ...(memberId ? { memberId } : {}),
      ...(identity.memberToken ? { memberToken: identity.memberToken } : {}),
      serverNow: deps.clock.now(),
    });
    track(greet(socket, deps));

    socket.on('command', (payload, ack) => {
      const reply = typeof ack === 'function' ? (ack as (r: Result) => void) : () => {};
      const parsed = parseCommand(payload);
      if (!parsed.ok) {
        deps.metrics.commands.inc({ type: 'unparsed', outcome: 'invalid_command' });
        return reply({ ok: false, error: parsed.error });
      }
      const work = deps.service.execute(code, parsed.value, identity.actor).then(reply);
      track(work);
    });

    socket.on('clock', (ack) => {
      if (typeof ack === 'function') ack({ serverNow: deps.clock.now() });
    });

    socket.on('disconnect', () => {
      deps.metrics.sockets.dec({ role: identity.viewRole });
      if (memberId) {
        track(
          deps.presence.remove(code, memberId, socket.id).then((last) => {
            if (last)
              return deps.service.execute(code, { type: 'presence.set', memberId, online: false }, SYSTEM);
          }),
        );
      }
    });
  });

  deps.presence.onLost((code, memberId) => {
    track(deps.service.execute(code, { type: 'presence.set', memberId, online: false }, SYSTEM));
  });

  return {
    io,
    /** Disconnects every local socket and waits for the work they started (presence, commands). */
    async drain(): Promise<void> {
      io.local.disconnectSockets(true);
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

const SYSTEM = { kind: 'system' } as const;

/** Marks a member online (their first socket anywhere), then sends the socket its view. */
async function greet(socket: IoSocket, deps: SocketServerDeps): Promise<void> {
  const { identity } = socket.data;
  const { code, memberId } = identity;
  if (memberId && (await deps.presence.add(code, memberId, socket.id))) {
    // A socket that left while we were adding it must not stay recorded as present.
    if (socket.disconnected) {
      await deps.presence.remove(code, memberId, socket.id);
      return;
    }
    await deps.service.execute(code, { type: 'presence.set', memberId, online: true }, SYSTEM);
  }
  const view = await deps.service.viewFor(identity);
  if (view) socket.emit('state', view);
}
