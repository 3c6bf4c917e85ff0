import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app';
import { parseConfig } from '../server/config';
import { installProbe, reportListening } from './server-probe';

/**
 * Circlekeeper as `server/main.ts` runs it (same buildApp, same config from the environment),
 * plus the runner's IPC probe for CPU time and memory. The built web pages are left out: no
 * socket touches them, and the benchmark must not depend on `npm run build`.
 */
const config = parseConfig(process.env);
const { app } = await buildApp({
  config,
  clientRoot: fileURLToPath(new URL('./no-client-pages', import.meta.url)),
});
installProbe();
await app.listen({ port: config.port, host: config.host, backlog: config.listenBacklog });
const address = app.server.address();
reportListening(typeof address === 'object' && address ? address.port : config.port);
