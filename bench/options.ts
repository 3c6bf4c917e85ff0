import { parseArgs } from 'node:util';

export interface BenchOptions {
  rooms: number;
  members: number;
  /** Milliseconds between two commands of one facilitator (≥ 250: the per-socket rate limit). */
  periodMs: number;
  durationMs: number;
  drainMs: number;
  targets: ('circlekeeper' | 'floor')[];
  /** Socket counts of the scaling curve; empty for a single point. */
  scale: number[];
  processes: number;
  redisUrl: string | undefined;
  clientProcs: number | undefined;
  concurrency: number;
  repeat: number;
  /** Both targets stay up, and their windows of steady load alternate on the same sockets. */
  interleave: boolean;
  profile: boolean;
  heapSnapshot: boolean;
  /** Extra Node flags for the server processes (e.g. --trace-gc). */
  nodeFlags: string[];
  /** Seconds to let the server settle (GC every 5 s) before its loaded memory is read. */
  settleS: number;
  /** Microseconds of main-thread work the floor spends per command before its emits (a probe). */
  floorWorkUs: number;
  /** Niceness of the load generators (0: the servers' own): a probe of how much their sharing the cores costs. */
  clientNice: number;
  json: boolean;
}

const HELP = `npm run bench -- [options]

  --rooms R            rooms (default 100)
  --members M          members per room, besides one facilitator and one display (default 10)
  --period P           ms between two commands of one facilitator (default 1000, at least 250)
  --duration S         seconds of steady load (default 20)
  --drain MS           ms to wait for the last deliveries after the last send (default 2000)
  --full               the target run: 1000 rooms x 10 members (12,000 sockets), 30 s
  --scale 1000,5000,10000   the scaling curve: one run per socket count (rooms = sockets / (M + 2))
  --only circlekeeper|floor run one side only (default: both, floor second)
  --repeat N           N rounds of Circlekeeper and floor, the order alternating (CK first, then floor first, …);
                       list every round and every round's deliveries pooled; show the quietest round in full
  --interleave         start both sides once and keep them up (each with its own sockets), then alternate
                       their windows of steady load: with --repeat N, N windows each, in the order CK, floor,
                       floor, CK, CK, … (rounds as above, minutes apart no longer)
  --processes N        server processes (needs --redis or REDIS_URL): members spread over them
  --redis URL          Redis for several processes (Circlekeeper store + adapter; the floor's adapter)
  --client-procs K     load-generator processes (default: one per 6,000 sockets)
  --concurrency C      handshakes in flight per load generator (default 1000)
  --profile            write a CPU profile of the Circlekeeper server to bench/results/
  --settle S           seconds the connected server idles (a GC every 5 s) before its memory is read
                       (default 30: every socket's heartbeat, every 25 s, is running by then)
  --heap-snapshot      write a heap snapshot of each server with every socket connected, to bench/results/
  --node-flags="F …"   extra Node flags for the server processes, both sides (e.g. --node-flags=--trace-gc)
  --floor-work US      the floor spends US µs of main-thread CPU per command before it emits (default 0):
                       a probe of how much latency a server's own work per command costs on this machine
  --client-nice N      run the load generators at niceness N (0–19, default 0): the server gets a core first
                       when both wait for one, as on a machine of its own (a probe, both sides alike)
  --no-json            do not write bench/results/<stamp>.json
`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rooms: { type: 'string' },
      members: { type: 'string', default: '10' },
      period: { type: 'string', default: '1000' },
      duration: { type: 'string' },
      drain: { type: 'string', default: '2000' },
      full: { type: 'boolean', default: false },
      scale: { type: 'string' },
      only: { type: 'string' },
      repeat: { type: 'string', default: '1' },
      interleave: { type: 'boolean', default: false },
      processes: { type: 'string', default: '1' },
      redis: { type: 'string' },
      'client-procs': { type: 'string' },
      concurrency: { type: 'string', default: '1000' },
      profile: { type: 'boolean', default: false },
      'heap-snapshot': { type: 'boolean', default: false },
      'node-flags': { type: 'string', default: '' },
      settle: { type: 'string', default: '30' },
      'floor-work': { type: 'string', default: '0' },
      'client-nice': { type: 'string', default: '0' },
      'no-json': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const int = (name: string, raw: string | undefined, fallback: number, min = 1): number => {
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be an integer ≥ ${min} (got ${raw})`);
    return n;
  };
  const periodMs = int('period', values.period, 1000, 250);
  const processes = int('processes', values.processes, 1);
  const redisUrl = values.redis ?? (processes > 1 ? process.env.REDIS_URL : undefined);
  if (processes > 1 && !redisUrl) throw new Error('--processes > 1 needs --redis URL (or REDIS_URL)');
  const only = values.only;
  if (only !== undefined && only !== 'circlekeeper' && only !== 'floor')
    throw new Error('--only is circlekeeper or floor');
  return {
    rooms: int('rooms', values.rooms, values.full ? 1000 : 100),
    members: int('members', values.members, 10),
    periodMs,
    durationMs: int('duration', values.duration, values.full ? 30 : 20) * 1000,
    drainMs: int('drain', values.drain, 2000, 0),
    targets: only ? [only] : ['circlekeeper', 'floor'],
    scale: values.scale ? values.scale.split(',').map((s) => int('scale', s.trim(), 0)) : [],
    processes,
    redisUrl,
    clientProcs:
      values['client-procs'] === undefined ? undefined : int('client-procs', values['client-procs'], 1),
    concurrency: int('concurrency', values.concurrency, 1000),
    repeat: int('repeat', values.repeat, 1),
    interleave: values.interleave,
    profile: values.profile,
    heapSnapshot: values['heap-snapshot'],
    nodeFlags: values['node-flags'].split(' ').filter(Boolean),
    settleS: int('settle', values.settle, 30, 0),
    floorWorkUs: int('floor-work', values['floor-work'], 0, 0),
    clientNice: niceness(int('client-nice', values['client-nice'], 0, 0)),
    json: !values['no-json'],
  };
}

function niceness(n: number): number {
  if (n > 19) throw new Error(`--client-nice must be 0–19 (got ${n})`);
  return n;
}
