import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import { ClientChild, ServerChild } from './children';
import { type ClockCheck, checkClock, connectClockClient } from './clock-check';
import { benchRoomViews } from './floor-views';
import type { ClientResult, Probe, RoomSpec, Target } from './messages';
import type { BenchOptions } from './options';
import { concat, median, type Summary, summarize } from './stats';

/** Seconds the empty server idles (a GC every 5 s) before its memory is read. */
const EMPTY_SETTLE_S = 10;

/** Every figure of one window of steady load of one target (Circlekeeper or the floor) at one size. */
export interface PointResult {
  target: Target;
  rooms: number;
  members: number;
  sockets: number;
  processes: number;
  connectFailures: number;
  connectErrors: Record<string, number>;
  /** Connect storm: first handshake started → every socket welcomed and holding its first state. */
  stormMs: number;
  latency: Summary;
  /** Every delivery's latency (ms), to pool rounds (--repeat); left out of the JSON file. */
  latencyMs: Float64Array;
  /** Receivers on another server process than the sender (only with several processes). */
  crossLatency: Summary | null;
  ack: Summary;
  commandsSent: number;
  commandsAcked: number;
  commandsRefused: number;
  commandsTimedOut: number;
  expectedDeliveries: number;
  deliveries: number;
  /** Deliveries made by a later state (the change merged into the next one). */
  superseded: number;
  stale: number;
  disconnects: number;
  deliveriesPerSecond: number;
  bytes: Record<string, number>;
  /** Server CPU over the steady window, in % of one core (summed over server processes). */
  serverCpuPct: number;
  /** Server CPU time over the steady window divided by the commands acked (µs). */
  serverCpuUsPerCommand: number;
  /** Of it, the time spent in the kernel (system time: socket writes and reads, mostly). */
  serverSystemUsPerCommand: number;
  /** The server's main thread alone (NaN off Linux): the rest is V8's GC helpers and libuv's pool. */
  serverMainThreadUsPerCommand: number;
  /** The server's event-loop delay over the steady window (ms; the worst of the server processes). */
  serverLoopDelay: { p50: number; p99: number; max: number };
  /** GC pauses of the servers over the steady window (summed over processes; max of their maxima). */
  serverGc: Probe['gc'];
  /**
   * How long each process's main thread was ready but waited for a core, in ms per second of the
   * steady window: the servers' (summed) and the load generators' (their mean).
   */
  serverWaitMsPerS: number;
  clientCpuPct: number;
  clientWaitMsPerS: number;
  rssEmptyMB: number;
  rssLoadedMB: number;
  rssEndMB: number;
  /** (RSS with sockets − RSS of the empty process), both after a full GC, per socket (KB). */
  kbPerSocket: number;
  heapKbPerSocket: number;
  /** The probes behind the memory figures (bytes), summed over server processes. */
  memory: { empty: MemorySums; loaded: MemorySums; end: MemorySums };
  clockIdle: ClockCheck | null;
  clockLoaded: ClockCheck | null;
  /** The 1-, 5- and 15-minute load averages when the steady window began and when it ended. */
  loadavg: { before: string; after: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const MB = 1024 * 1024;
const SERVER_FILES: Record<Target, string> = {
  circlekeeper: './circlekeeper-server.ts',
  floor: './floor-server.ts',
};
export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

/** Sockets one load generator holds at most by default (each process may open 20,000 files). */
const SOCKETS_PER_GENERATOR = 6000;

/** A target's servers and load generators, started, connected and settled, ready for steady load. */
export interface StartedPoint {
  target: Target;
  opts: BenchOptions & { rooms: number };
  sockets: number;
  servers: ServerChild[];
  generators: ClientChild[];
  clockSocket: Socket | null;
  connectFailures: number;
  connectErrors: Record<string, number>;
  stormMs: number;
  empty: Probe[];
  loaded: Probe[];
  clockIdle: ClockCheck | null;
}

/** One run of one target: started, one window of steady load, stopped. */
export async function runPoint(
  target: Target,
  opts: BenchOptions & { rooms: number },
  log: (line: string) => void,
): Promise<PointResult> {
  const point = await startPoint(target, opts, log);
  try {
    return await steadyLoad(point, log);
  } finally {
    await stopPoint(point);
  }
}

/**
 * Starts a target's server process(es), reads the empty process's memory, connects every socket
 * (the connect storm), sets the rooms up and reads the memory with every socket connected.
 */
export async function startPoint(
  target: Target,
  opts: BenchOptions & { rooms: number },
  log: (line: string) => void,
): Promise<StartedPoint> {
  const perRoom = opts.members + 2;
  const sockets = opts.rooms * perRoom;
  const runId = `${process.pid}-${Date.now()}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    // As the Docker image runs it (Circlekeeper's states are not deep-frozen: server/core/apply.ts).
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    LIMITS_PER_IP: 'off',
    FLOOR_RUN: runId,
    REDIS_PREFIX: `bench:${runId}:`,
  };
  if (opts.redisUrl) env.REDIS_URL = opts.redisUrl;
  else delete env.REDIS_URL;
  if (target === 'floor') {
    env.FLOOR_VIEWS = JSON.stringify(await benchRoomViews(opts.members));
    env.FLOOR_WORK_US = String(opts.floorWorkUs);
  }
  const execArgv = [...opts.nodeFlags];
  if (opts.profile && target === 'circlekeeper') {
    mkdirSync(RESULTS_DIR, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${RESULTS_DIR}`);
  }

  log(`${target}: starting ${opts.processes} server process(es)`);
  const servers = await Promise.all(
    Array.from({ length: opts.processes }, (_, i) =>
      ServerChild.start(`${target} server ${i}`, SERVER_FILES[target], env, execArgv),
    ),
  );
  const point: StartedPoint = {
    target,
    opts,
    sockets,
    servers,
    generators: [],
    clockSocket: null,
    connectFailures: 0,
    connectErrors: {},
    stormMs: 0,
    empty: [],
    loaded: [],
    clockIdle: null,
  };
  try {
    // The empty process, warmed up and settled (GC every 5 s for 10 s).
    await sleep(1000);
    let empty = await Promise.all(servers.map((s) => s.probe(true)));
    for (let waited = 0; waited < EMPTY_SETTLE_S; waited += 5) {
      await sleep(5000);
      empty = await Promise.all(servers.map((s) => s.probe(true)));
    }
    point.empty = empty;
    const urls = servers.map((s) => s.url);

    const specs = target === 'floor' ? floorRooms(opts.rooms) : await createRooms(urls[0]!, opts.rooms);
    if (target === 'circlekeeper') {
      const [clockRoom] = await createRooms(urls[0]!, 1);
      point.clockSocket = await connectClockClient(urls[urls.length - 1]!, clockRoom!.code);
      point.clockIdle = await checkClock(point.clockSocket);
    }

    const count = opts.clientProcs ?? Math.max(1, Math.ceil(sockets / SOCKETS_PER_GENERATOR));
    const generators = point.generators;
    for (let i = 0; i < count; i++)
      generators.push(ClientChild.start(`${target} load generator ${i}`, opts.clientNice));
    log(`${target}: connect storm of ${sockets} sockets from ${count} load generator(s)`);
    const per = Math.ceil(specs.length / count);
    const connected = await Promise.all(
      generators.map((g, i) => {
        const reply = g.next('connected');
        g.send({
          type: 'connect',
          target,
          urls,
          rooms: specs.slice(i * per, (i + 1) * per),
          firstRoom: i * per,
          members: opts.members,
          concurrency: opts.concurrency,
        });
        return reply;
      }),
    );
    point.stormMs =
      Math.max(...connected.map((c) => c.doneAt)) - Math.min(...connected.map((c) => c.startedAt));
    point.connectFailures = connected.reduce((n, c) => n + c.failed, 0);
    for (const c of connected)
      for (const [k, v] of Object.entries(c.errors))
        point.connectErrors[k] = (point.connectErrors[k] ?? 0) + v;
    log(
      `${target}: ${sockets - point.connectFailures}/${sockets} connected in ${(point.stormMs / 1000).toFixed(2)} s`,
    );
    if (point.connectFailures > 0) log(`${target}: connect errors ${JSON.stringify(point.connectErrors)}`);

    const ready = await Promise.all(
      generators.map((g) => {
        const reply = g.next('ready');
        g.send({ type: 'setup' });
        return reply;
      }),
    );
    const setupFailures = ready.reduce((n, r) => n + r.failed, 0);
    if (setupFailures > 0) log(`${target}: ${setupFailures} setup commands failed`);
    await sleep(1000);
    let loaded = await Promise.all(servers.map((s) => s.probe(true)));
    // The connect storm grew the heap; V8 gives pages back only once allocation has calmed down.
    // The reading is taken once every socket's heartbeat runs (Engine.IO pings every 25 s), as on
    // a server in service: read earlier, a server whose storm ended sooner would be measured
    // before its first pings, without the young generation they keep busy.
    const trail = [sum(loaded.map((p) => p.rss))];
    for (let waited = 0; waited < opts.settleS; waited += 5) {
      await sleep(Math.min(5, opts.settleS - waited) * 1000);
      loaded = await Promise.all(servers.map((s) => s.probe(true)));
      trail.push(sum(loaded.map((p) => p.rss)));
    }
    point.loaded = loaded;
    log(
      `${target}: RSS with every socket connected, GC every 5 s: ${trail.map((b) => (b / MB).toFixed(0)).join(' → ')} MB`,
    );
    log(`${target}: V8 heap spaces, used/committed MB: ${spaceLine(loaded)}`);
    if (opts.heapSnapshot) {
      mkdirSync(RESULTS_DIR, { recursive: true });
      for (const [i, s] of servers.entries()) {
        const probe = await s.probe(true, `${RESULTS_DIR}${target}-${sockets}-${i}-${runId}.heapsnapshot`);
        log(`${target}: heap snapshot ${probe.snapshot}`);
      }
    }
    return point;
  } catch (err) {
    await stopPoint(point);
    throw err;
  }
}

/**
 * One window of steady load on a started target, with the figures of its start (storm, memory,
 * idle clock): each facilitator sends a command every period for the window's duration.
 */
export async function steadyLoad(point: StartedPoint, log: (line: string) => void): Promise<PointResult> {
  const { target, opts, servers, generators, clockSocket, sockets, empty, loaded } = point;
  const before = loadavg();
  log(
    `${target}: steady load for ${opts.durationMs / 1000} s, one command per room every ${opts.periodMs} ms`,
  );
  const cpuStart = await Promise.all(servers.map((s) => s.probe()));
  const results = Promise.all(
    generators.map((g) => {
      const reply = g.next('result');
      g.send({ type: 'run', durationMs: opts.durationMs, periodMs: opts.periodMs, drainMs: opts.drainMs });
      return reply;
    }),
  );
  // Measured again while imprecise, as the web client does, as long as the steady load lasts.
  const steadyEnd = performance.now() + opts.durationMs - 2000;
  const clockLoaded = clockSocket
    ? await sleep(opts.durationMs / 3).then(() => checkClock(clockSocket, steadyEnd))
    : null;
  const cpuEnd = await sleep(
    Math.max(0, cpuStart[0]!.at + opts.durationMs - (performance.timeOrigin + performance.now())),
  ).then(() => Promise.all(servers.map((s) => s.probe())));
  const parts = (await results).map((r) => r.result);
  const end = await Promise.all(servers.map((s) => s.probe()));
  const after = loadavg();
  const acked = Math.max(1, sum(parts.map((p) => p.commandsAcked)));

  return {
    target,
    rooms: opts.rooms,
    members: opts.members,
    sockets,
    processes: opts.processes,
    connectFailures: point.connectFailures,
    connectErrors: point.connectErrors,
    stormMs: point.stormMs,
    ...deliveryFigures(parts, opts.processes > 1),
    serverCpuPct: cpuPct(cpuStart, cpuEnd),
    serverCpuUsPerCommand: cpuUs(cpuStart, cpuEnd, (p) => p.userUs + p.systemUs) / acked,
    serverSystemUsPerCommand: cpuUs(cpuStart, cpuEnd, (p) => p.systemUs) / acked,
    serverMainThreadUsPerCommand: cpuUs(cpuStart, cpuEnd, (p) => p.mainThreadUs) / acked,
    serverLoopDelay: {
      p50: Math.max(...cpuEnd.map((p) => p.loopDelay.p50)),
      p99: Math.max(...cpuEnd.map((p) => p.loopDelay.p99)),
      max: Math.max(...cpuEnd.map((p) => p.loopDelay.max)),
    },
    serverGc: gcPauses(cpuEnd),
    serverWaitMsPerS: sum(
      cpuStart.map((s, i) => (cpuEnd[i]!.mainThreadWaitUs - s.mainThreadWaitUs) / (cpuEnd[i]!.at - s.at)),
    ),
    clientCpuPct: parts.reduce(
      (n, p) => n + (p.cpuUserUs + p.cpuSystemUs) / 10 / (opts.durationMs + opts.drainMs),
      0,
    ),
    clientWaitMsPerS:
      sum(parts.map((p) => p.waitUs / (opts.durationMs + opts.drainMs))) / Math.max(1, parts.length),
    rssEmptyMB: sum(empty.map((p) => p.rss)) / MB,
    rssLoadedMB: sum(loaded.map((p) => p.rss)) / MB,
    rssEndMB: sum(end.map((p) => p.rss)) / MB,
    kbPerSocket: (sum(loaded.map((p) => p.rss)) - sum(empty.map((p) => p.rss))) / 1024 / sockets,
    heapKbPerSocket:
      (sum(loaded.map((p) => p.heapUsed)) - sum(empty.map((p) => p.heapUsed))) / 1024 / sockets,
    memory: { empty: memorySums(empty), loaded: memorySums(loaded), end: memorySums(end) },
    clockIdle: point.clockIdle,
    clockLoaded,
    loadavg: { before, after },
  };
}

/** Closes the target's sockets and stops its load generators and servers. */
export async function stopPoint(point: StartedPoint): Promise<void> {
  point.clockSocket?.close();
  await Promise.all(
    point.generators.map(async (g) => {
      g.send({ type: 'close' });
      await g.stop();
    }),
  );
  await Promise.all(point.servers.map((s) => s.stop()));
}

function gcPauses(probes: Probe[]): Probe['gc'] {
  const of = (kind: keyof Probe['gc']) => ({
    count: sum(probes.map((p) => p.gc[kind].count)),
    totalMs: sum(probes.map((p) => p.gc[kind].totalMs)),
    maxMs: Math.max(...probes.map((p) => p.gc[kind].maxMs)),
  });
  return { minor: of('minor'), incremental: of('incremental'), major: of('major') };
}

function deliveryFigures(parts: ClientResult[], severalProcesses: boolean) {
  const total = (f: (p: ClientResult) => number) => parts.reduce((n, p) => n + f(p), 0);
  const bytes: Record<string, number> = {};
  for (const role of ['facilitator', 'member', 'display'])
    bytes[role] = median(parts.flatMap((p) => p.bytes[role] ?? []));
  const cross = concat(parts.map((p) => p.crossProcess));
  const latencyMs = concat(parts.map((p) => p.sameProcess));
  return {
    latency: summarize(latencyMs),
    latencyMs,
    crossLatency: severalProcesses && cross.length > 0 ? summarize(cross) : null,
    ack: summarize(concat(parts.map((p) => p.ackMs))),
    commandsSent: total((p) => p.commandsSent),
    commandsAcked: total((p) => p.commandsAcked),
    commandsRefused: total((p) => p.commandsRefused),
    commandsTimedOut: total((p) => p.commandsTimedOut),
    expectedDeliveries: total((p) => p.expectedDeliveries),
    deliveries: total((p) => p.deliveries),
    superseded: total((p) => p.superseded),
    stale: total((p) => p.stale),
    disconnects: total((p) => p.disconnects),
    deliveriesPerSecond: total((p) => p.windowDeliveries) / (parts[0]!.windowMs / 1000),
    bytes,
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Each V8 heap space that holds at least 1 MB, summed over the server processes. */
function spaceLine(probes: Probe[]): string {
  const names = Object.keys(probes[0]?.spaces ?? {});
  return names
    .map((name) => {
      const size = sum(probes.map((p) => p.spaces[name]?.size ?? 0)) / MB;
      const used = sum(probes.map((p) => p.spaces[name]?.used ?? 0)) / MB;
      return { name, size, used };
    })
    .filter((s) => s.size >= 1)
    .map((s) => `${s.name} ${s.used.toFixed(0)}/${s.size.toFixed(0)}`)
    .join(', ');
}

export interface MemorySums {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

function memorySums(probes: Probe[]): MemorySums {
  return {
    rss: sum(probes.map((p) => p.rss)),
    heapUsed: sum(probes.map((p) => p.heapUsed)),
    heapTotal: sum(probes.map((p) => p.heapTotal)),
    external: sum(probes.map((p) => p.external)),
    arrayBuffers: sum(probes.map((p) => p.arrayBuffers)),
  };
}

/** CPU time (µs) between two probes of each server process, as `of` reads a probe, summed. */
function cpuUs(start: Probe[], end: Probe[], of: (probe: Probe) => number): number {
  return sum(start.map((s, i) => of(end[i]!) - of(s)));
}

function cpuPct(start: Probe[], end: Probe[]): number {
  return sum(
    start.map((s, i) => {
      const e = end[i]!;
      return ((e.userUs - s.userUs + e.systemUs - s.systemUs) / 1000 / (e.at - s.at)) * 100;
    }),
  );
}

function floorRooms(n: number): RoomSpec[] {
  return Array.from({ length: n }, (_, i) => ({ code: `F${String(i).padStart(5, '0')}` }));
}

/** Creates rooms over HTTP as a facilitator's browser does, a few requests at a time. */
async function createRooms(url: string, n: number): Promise<RoomSpec[]> {
  const out: RoomSpec[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const res = await fetch(`${url}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Bench circle ${i}` }),
      });
      if (res.status !== 201) throw new Error(`POST /api/rooms answered ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { code: string; facilitatorKey: string; displayKey: string };
      out[i] = { code: body.code, facilitatorKey: body.facilitatorKey, displayKey: body.displayKey };
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, n) }, worker));
  return out;
}
