import { buildApp } from './app';
import { parseConfig } from './config';

let config: ReturnType<typeof parseConfig>;
try {
  config = parseConfig(process.env);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const { app } = await buildApp({ config });
await app.listen({ port: config.port, host: config.host, backlog: config.listenBacklog });

// Graceful shutdown: stop taking connections, let sockets and their work finish, then exit.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
