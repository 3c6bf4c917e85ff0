import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from '../../server/app';
import type { Clock } from '../../server/clock';
import { systemClock } from '../../server/clock';
import { type Config, defaultConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { MemoryPresence } from '../../server/presence/memory-presence';
import { MemoryRoomStore } from '../../server/store/memory-room-store';
import type { IoServer } from '../../server/transport/socket-types';

/** A real server on 127.0.0.1:0 whose store the test holds, to compare states before and after. */
export interface InspectableServer {
  url: string;
  app: FastifyInstance;
  store: MemoryRoomStore;
  /** The server's Socket.IO server, to look at what its sockets hold. */
  io: IoServer;
  close(): Promise<void>;
}

/**
 * Like `startServer`, but with the memory store in the test's hands and no client pages (the
 * security suites talk to the API and the socket). Per-IP limits are off unless the config says on.
 */
export async function startInspectableServer(
  opts: { config?: Partial<Config>; clock?: Clock; logger?: Logger } = {},
): Promise<InspectableServer> {
  const clock = opts.clock ?? systemClock;
  const config = defaultConfig({ logLevel: 'silent', limitsPerIp: false, ...opts.config });
  const store = new MemoryRoomStore(clock, config.roomTtlMs);
  const { app, io } = await buildApp({
    config,
    clock,
    logger: opts.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    backends: { store, presence: new MemoryPresence() },
    clientRoot: '/nonexistent/circlekeeper-client',
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app, store, io, close: () => app.close() };
}

/** A pino logger at `trace` whose every line the test can read. */
export function capturedLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('trace', sink), lines };
}
