import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from '../../server/app';
import type { Backends } from '../../server/backends';
import type { Clock } from '../../server/clock';
import { type Config, defaultConfig } from '../../server/config';
import { createLogger } from '../../server/logger';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A real server on a free port of 127.0.0.1, with the embedded store unless backends are given. */
export async function startServer(
  opts: { config?: Partial<Config>; clock?: Clock; backends?: Backends; logger?: Logger } = {},
): Promise<TestServer> {
  const config = defaultConfig({ logLevel: 'silent', limitsPerIp: false, ...opts.config });
  const { app } = await buildApp({
    config,
    logger: opts.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.backends ? { backends: opts.backends } : {}),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: address, app, close: () => app.close() };
}
