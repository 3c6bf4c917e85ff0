import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { type Backends, createBackends } from './backends';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { clientPages } from './http/client-pages';
import { installErrorReplies } from './http/error-replies';
import { healthRoutes } from './http/health-routes';
import { roomsRoutes } from './http/rooms-routes';
import { createLogger } from './logger';
import { createMetrics } from './metrics';
import { RoomService } from './rooms/room-service';
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

/** Largest HTTP body (bytes): a room with a full agenda fits in a few kilobytes. */
const BODY_LIMIT = 64 * 1024;

/** Assembles the server: nothing global, so that tests can build several on port 0. */
export async function buildApp(deps: AppDeps): Promise<{ app: FastifyInstance; io: IoServer }> {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const { store, presence } = deps.backends ?? (await createBackends(config, clock, logger));
  const metrics = createMetrics();

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
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
  await app.register(rateLimit, { global: false });

  const service = new RoomService({ store, clock, metrics, log: logger });
  await app.register(roomsRoutes, {
    service,
    publicUrl: config.publicUrl,
    createPerMinute: config.limitsPerIp ? 30 : undefined,
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
  });
  app.addHook('preClose', async () => {
    await sockets.drain();
    sockets.io.engine.close();
  });
  app.addHook('onClose', async () => {
    await presence.close();
    await store.close();
  });
  return { app, io: sockets.io };
}
