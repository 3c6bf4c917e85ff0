import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { type Backends, createBackends } from './backends';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { freezeStates } from './core/apply';
import { clientPages } from './http/client-pages';
import { installErrorReplies } from './http/error-replies';
import { healthRoutes } from './http/health-routes';
import { installHttpLimits } from './http/http-limits';
import { roomsRoutes } from './http/rooms-routes';
import { createLogger } from './logger';
import { createMetrics } from './metrics';
import { RoomService } from './rooms/room-service';
import { FailedAttemptLimiter } from './transport/command-rate-limit';
import { createSocketServer } from './transport/socket-server';
import type { IoServer } from './transport/socket-types';

export interface AppDeps {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** Store and presence; built from the config when absent. */
  backends?: Backends;
  /** The built client (default: dist/client). */
  clientRoot?: string;
}

/** Assembles the server: nothing global, so that tests can build several on port 0. */
export async function buildApp(deps: AppDeps): Promise<{ app: FastifyInstance; io: IoServer }> {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const backends = deps.backends ?? (await createBackends(config, clock, logger));
  const { store, presence } = backends;
  const metrics = createMetrics();
  // The one process-wide setting: every app of a process runs with the same environment.
  freezeStates(config.freezeStates);

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.httpBodyLimitBytes,
    trustProxy: config.trustProxy,
  });
  installErrorReplies(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // One allowance of failed attempts per IP, shared by handshakes and HTTP room/key lookups.
  const attempts = new FailedAttemptLimiter({
    perMinute: config.limitsPerIp ? config.failedAttemptsPerMinute : undefined,
    trustProxy: config.trustProxy,
  });
  await installHttpLimits(app, {
    apiPerMinute: config.limitsPerIp ? config.apiRequestsPerMinute : undefined,
    attempts,
  });

  const service = new RoomService({
    store,
    clock,
    metrics,
    log: logger,
    maxMembers: config.maxMembersPerRoom,
  });
  await app.register(roomsRoutes, {
    service,
    publicUrl: config.publicUrl,
    createPerMinute: config.limitsPerIp ? config.roomsPerMinute : undefined,
  });
  await app.register(healthRoutes, { store, metrics });
  await app.register(clientPages, {
    root: deps.clientRoot ?? fileURLToPath(new URL('../dist/client', import.meta.url)),
  });

  const sockets = createSocketServer(app.server, {
    service,
    presence,
    clock,
    metrics,
    log: logger,
    allowedOrigins: config.allowedOrigins,
    limits: {
      commands: { perSecond: config.commandsPerSecond, burst: config.commandBurst },
      attempts,
      maxMessageBytes: config.socketMessageLimitBytes,
    },
  });
  // With Redis, broadcasts reach the sockets of every process (set before any socket connects).
  if (backends.adapter) sockets.io.adapter(backends.adapter);
  app.addHook('preClose', async () => {
    await sockets.drain();
    sockets.io.engine.close();
    // HTTP requests under way get a few seconds to finish. A connection still open after that (a
    // browser's keep-alive connection that Node does not count as idle was seen to hold the close
    // for a minute, until its headers timeout) is cut: the server is going away.
    setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
  app.addHook('onClose', async () => {
    await presence.close();
    await store.close();
    await backends.close?.();
  });
  return { app, io: sockets.io };
}

/** How long (ms) HTTP requests under way at shutdown may still take before their connections are cut. */
const CLOSE_GRACE_MS = 3_000;
