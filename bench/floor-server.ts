import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { parseConfig } from '../server/config';
import { jsonParser } from '../server/transport/json-parser';
import { installProbe, reportListening } from './server-probe';

/**
 * The floor: the least a Socket.IO server can do for the same traffic. The same sockets join the
 * same rooms (`<code>:<role>`); on the same trigger (a `command` emitted with an ack) it bumps the
 * room's version and emits to each role's room the view Circlekeeper sends that role (a fixed
 * sample, with the version and the clock filled in), then acks. No parsing, no store, no view
 * building, no authentication, no metrics. Each room sends its own copy of the sample, made when
 * its first socket connects, as a server holds each room's own data: one set of objects shared by
 * a thousand rooms would stay in the processor's cache, which no server of real rooms enjoys.
 *
 * Env: PORT, HOST, LISTEN_BACKLOG, FLOOR_VIEWS (JSON: role → the view to send; the runner makes
 * them with Circlekeeper's own code, bench/floor-views.ts), REDIS_URL (several processes: the
 * official Redis adapter, as Circlekeeper would use), FLOOR_WORK_US (a probe, `--floor-work`: µs of
 * main-thread CPU spent per command before the emits, as a server's own work would; default 0).
 */
const ROLES = ['facilitator', 'member', 'display'] as const;
type Role = (typeof ROLES)[number];

const views = JSON.parse(process.env.FLOOR_VIEWS ?? '{}') as Record<Role, object>;
for (const role of ROLES) if (!views[role]) throw new Error(`FLOOR_VIEWS has no ${role} view`);

/** Each room's own copy of the views. */
const roomViews = new Map<string, Record<Role, object>>();
function payload(code: string, role: Role, version: number): object {
  let own = roomViews.get(code);
  if (!own) {
    own = structuredClone(views);
    roomViews.set(code, own);
  }
  return { ...own[role], version, serverNow: Date.now() };
}

const httpServer = createServer();
const io = new Server(httpServer, {
  serveClient: false,
  perMessageDeflate: false,
  maxHttpBufferSize: 16 * 1024,
  // Circlekeeper's parser (the stock one less its binary walk): the same stack on both sides.
  parser: jsonParser,
});

if (process.env.REDIS_URL) {
  const { createClient } = await import('redis');
  const { createAdapter } = await import('@socket.io/redis-adapter');
  const pub = createClient({ url: process.env.REDIS_URL });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key: `floor-bench-${process.env.FLOOR_RUN ?? 'x'}` }));
}

const workUs = Number(process.env.FLOOR_WORK_US ?? 0);
/** Keeps the main thread busy for `workUs` µs: the probe's stand-in for a server's own work. */
function work(): void {
  const until = performance.now() + workUs / 1000;
  while (performance.now() < until);
}

/** Versions per room; with several processes each keeps its own (clients only need them to grow). */
const versions = new Map<string, number>();

io.on('connection', (socket) => {
  const { code, role } = socket.handshake.auth as { code: string; role: Role };
  void socket.join(`${code}:${role}`);
  socket.emit('welcome', { role, serverNow: Date.now() });
  socket.emit('state', payload(code, role, versions.get(code) ?? 0));
  socket.on('command', (_command: unknown, ack: unknown) => {
    const version = (versions.get(code) ?? 0) + 1;
    versions.set(code, version);
    if (workUs > 0) work();
    for (const r of ROLES) io.to(`${code}:${r}`).emit('state', payload(code, r, version));
    if (typeof ack === 'function') ack({ ok: true, version });
  });
  socket.on('clock', (ack: unknown) => {
    if (typeof ack === 'function') ack({ serverNow: Date.now() });
  });
});

installProbe();
// The backlog Circlekeeper listens with (its LISTEN_BACKLOG, parsed as it parses it), so both take a storm alike.
const backlog = parseConfig({ LISTEN_BACKLOG: process.env.LISTEN_BACKLOG }).listenBacklog;
httpServer.listen(
  { port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1', backlog },
  () => {
    const address = httpServer.address();
    reportListening(typeof address === 'object' && address ? address.port : 0);
  },
);
