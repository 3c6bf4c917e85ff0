import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { HandshakeAuthSchema } from '../../shared/auth';
import { errorBody } from '../../shared/errors';
import { parseCommand } from '../../shared/parse';
import type { Result } from '../../shared/results';
import type { Clock } from '../clock';
import type { Metrics } from '../metrics';
import type { Presence } from '../presence/presence';
import { RoomError, type RoomService } from '../rooms/room-service';
import {
  type CommandLimitOptions,
  type FailedAttemptLimiter,
  limitNow,
  TokenBucket,
} from './command-rate-limit';
import { releaseHandshake, rememberUpgradeStandIns } from './handshake-release';
import { jsonParser } from './json-parser';
import { originAllowed } from './origin';
import { SocketBroadcaster } from './socket-broadcaster';
import { followRole, followView, roomsOf, welcomeOf } from './socket-membership';
import type { IoServer, IoSocket } from './socket-types';

export interface SocketServerDeps {
  service: RoomService;
  presence: Presence;
  clock: Clock;
  metrics: Metrics;
  log: Logger;
  allowedOrigins: string[] | undefined;
  /** Rate and size limits (docs/security.md); the defaults below when absent. */
  limits?: {
    commands: CommandLimitOptions;
    /** Failed handshakes per IP; shared with the HTTP room and key lookups. */
    attempts?: FailedAttemptLimiter;
    maxMessageBytes?: number;
  };
}

/** Largest inbound Socket.IO message (bytes): commands are tiny; anything bigger is refused by disconnect. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export function createSocketServer(httpServer: HttpServer, deps: SocketServerDeps) {
  const io: IoServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: deps.limits?.maxMessageBytes ?? MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    parser: jsonParser,
    // While shutting down, new connections are refused so that clients go to another process.
    allowRequest: (req, callback) => callback(null, !closing && originAllowed(req, deps.allowedOrigins)),
  });
  let closing = false;
  rememberUpgradeStandIns(io);
  deps.service.attach(new SocketBroadcaster(io));
  /**
   * Work a socket started (a command, a greeting, presence): counted, so that shutdown waits for
   * it, and its failures are logged rather than lost. A count and one `then`, not a set of promises:
   * this runs for every command.
   */
  let inFlight = 0;
  let whenIdle: (() => void) | undefined;
  const settle = () => {
    if (--inFlight === 0) whenIdle?.();
  };
  const track = (work: Promise<unknown>) => {
    inFlight++;
    work.then(settle, (err: unknown) => {
      deps.log.error({ err }, 'socket work failed');
      settle();
    });
  };

  io.use((socket, next) => {
    // Only failed handshakes count toward the per-IP limit: a group shares its venue's address.
    const attempts = deps.limits?.attempts?.enabled ? deps.limits.attempts : undefined;
    const address = attempts?.addressOf(socket.request) ?? '';
    if (attempts && !attempts.allows(address, limitNow())) return next(new Error('rate_limited'));
    const refuse = (code: string) => {
      attempts?.failedWith(address, code, limitNow());
      next(new Error(code));
    };
    const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success)
      return refuse(auth.error.issues.some((i) => i.path[0] === 'name') ? 'invalid_name' : 'bad_credentials');
    deps.service.authenticate(auth.data).then(
      (admission) => {
        socket.data.identity = admission.identity;
        socket.data.memberToken = admission.memberToken;
        next();
      },
      (err: unknown) => {
        if (!(err instanceof RoomError)) deps.log.error({ err }, 'handshake failed');
        refuse(err instanceof RoomError ? err.code : 'unavailable');
      },
    );
  });

  io.on('connection', (socket) => {
    const identity = socket.data.identity;
    const { code, memberId } = identity;
    releaseHandshake(socket);
    deps.metrics.sockets.inc({ role: identity.viewRole });
    void socket.join(roomsOf(identity));
    socket.emit('welcome', welcomeOf(identity, socket.data.memberToken, deps.clock.now()));
    socket.data.memberToken = undefined;
    track(greet(socket, deps));
    // One allowance for `command`, one for `clock` (clock sync never eats commands), each made full
    // on the socket's first such event: most members' sockets never send a command.
    const { perSecond, burst } = deps.limits?.commands ?? DEFAULT_COMMAND_LIMIT;
    let commands: TokenBucket | undefined;
    let clocks: TokenBucket | undefined;

    socket.on('command', (payload, ack) => {
      const reply = typeof ack === 'function' ? (ack as (r: Result) => void) : () => {};
      // Counted before parsing: malformed floods spend the same allowance as commands.
      const now = limitNow();
      commands ??= new TokenBucket(perSecond, burst, now);
      if (!commands.take(now)) {
        deps.metrics.commands.inc({ type: 'unparsed', outcome: 'rate_limited' });
        return reply({ ok: false, error: errorBody('rate_limited') });
      }
      const parsed = parseCommand(payload);
      if (!parsed.ok) {
        deps.metrics.commands.inc({ type: 'unparsed', outcome: 'invalid_command' });
        return reply({ ok: false, error: parsed.error });
      }
      const work = deps.service.execute(code, parsed.value, identity.actor).then(reply);
      track(work);
    });

    socket.on('clock', (ack) => {
      // Over its own allowance a clock probe goes unanswered: the estimator drops timed-out samples.
      if (typeof ack !== 'function') return;
      const now = limitNow();
      clocks ??= new TokenBucket(perSecond, burst, now);
      if (clocks.take(now)) ack({ serverNow: deps.clock.now() });
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
  deps.presence.onFound?.((code, memberId) => {
    track(deps.service.execute(code, { type: 'presence.set', memberId, online: true }, SYSTEM));
  });

  return {
    io,
    /** Disconnects every local socket and waits for the work they started (presence, commands). */
    async drain(): Promise<void> {
      closing = true;
      io.local.disconnectSockets(true);
      if (inFlight > 0) await new Promise<void>((resolve) => (whenIdle = resolve));
    },
  };
}

const SYSTEM = { kind: 'system' } as const;
/** Per socket, when the app passes no limits: 10 commands a second with bursts of 20. */
const DEFAULT_COMMAND_LIMIT: CommandLimitOptions = { perSecond: 10, burst: 20 };

/**
 * Marks a member online (their first socket anywhere), then sends the socket its view. The socket
 * follows its role's broadcast only after the `online` change went out, so that it does not get
 * that change twice (broadcast, then in its view).
 */
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
  followRole(socket);
  const view = await deps.service.viewFor(identity);
  if (view) {
    followView(socket, view);
    socket.emit('state', view);
  }
}
