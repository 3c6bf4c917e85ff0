import type { PointResult } from './point';
import { concat, type Summary, summarize } from './stats';

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–';

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    )
    .join('\n');
}

const lat = (
  name: string,
  pick: (s: Summary) => number,
  ck?: Summary | null,
  fl?: Summary | null,
): string[] => [
  name,
  ck ? f(pick(ck), 2) : '–',
  fl ? f(pick(fl), 2) : '–',
  ck && fl ? ratio(pick(ck), pick(fl)) : '',
];

/** The main table: Circlekeeper beside the floor from the same run, with ratios. */
export function comparisonTable(ck: PointResult | undefined, fl: PointResult | undefined): string {
  const any = (ck ?? fl)!;
  const both = (name: string, get: (p: PointResult) => string, r?: (p: PointResult) => number): string[] => [
    name,
    ck ? get(ck) : '–',
    fl ? get(fl) : '–',
    r && ck && fl ? ratio(r(ck), r(fl)) : '',
  ];
  const rows: string[][] = [
    ['', 'Circlekeeper', 'floor', 'ratio'],
    lat('latency p50 (ms)', (s) => s.p50, ck?.latency, fl?.latency),
    lat('latency p95 (ms)', (s) => s.p95, ck?.latency, fl?.latency),
    lat('latency p99 (ms)', (s) => s.p99, ck?.latency, fl?.latency),
    lat('latency max (ms)', (s) => s.max, ck?.latency, fl?.latency),
  ];
  if (any.processes > 1) {
    rows.push(
      lat('cross-process p50 (ms)', (s) => s.p50, ck?.crossLatency, fl?.crossLatency),
      lat('cross-process p99 (ms)', (s) => s.p99, ck?.crossLatency, fl?.crossLatency),
    );
  }
  rows.push(
    lat('command ack p50 (ms)', (s) => s.p50, ck?.ack, fl?.ack),
    lat('command ack p99 (ms)', (s) => s.p99, ck?.ack, fl?.ack),
    both('deliveries made / expected', (p) => `${p.deliveries}/${p.expectedDeliveries}`),
    both('… of which by a later (merged) state', (p) => `${p.superseded}`),
    both(
      'commands sent / acked / timed out',
      (p) => `${p.commandsSent}/${p.commandsAcked}/${p.commandsTimedOut}`,
    ),
    both(
      'deliveries per second',
      (p) => f(p.deliveriesPerSecond, 0),
      (p) => p.deliveriesPerSecond,
    ),
    both('bytes per state (fac/mem/disp)', (p) =>
      ['facilitator', 'member', 'display'].map((r) => f(p.bytes[r] ?? Number.NaN, 0)).join('/'),
    ),
    both(
      'server CPU (% of a core)',
      (p) => f(p.serverCpuPct),
      (p) => p.serverCpuPct,
    ),
    both(
      'server CPU per command (µs)',
      (p) => f(p.serverCpuUsPerCommand, 0),
      (p) => p.serverCpuUsPerCommand,
    ),
    both('  of which in the kernel (µs)', (p) => f(p.serverSystemUsPerCommand, 0)),
    both(
      '  of which on the main thread (µs)',
      (p) => f(p.serverMainThreadUsPerCommand, 0),
      (p) => p.serverMainThreadUsPerCommand,
    ),
    both(
      'server event-loop delay p50/p99/max (ms)',
      (p) => `${f(p.serverLoopDelay.p50)}/${f(p.serverLoopDelay.p99)}/${f(p.serverLoopDelay.max)}`,
    ),
    both(
      'server GC pauses: scavenge n/total/max (ms)',
      (p) => `${p.serverGc.minor.count}/${f(p.serverGc.minor.totalMs, 0)}/${f(p.serverGc.minor.maxMs)}`,
    ),
    both(
      '  incremental marking n/total/max (ms)',
      (p) =>
        `${p.serverGc.incremental.count}/${f(p.serverGc.incremental.totalMs, 0)}/${f(p.serverGc.incremental.maxMs)}`,
    ),
    both(
      '  mark-compact n/total/max (ms)',
      (p) => `${p.serverGc.major.count}/${f(p.serverGc.major.totalMs, 0)}/${f(p.serverGc.major.maxMs)}`,
    ),
    both('server main thread waiting for a core (ms/s)', (p) => f(p.serverWaitMsPerS)),
    both('load generators CPU (%)', (p) => f(p.clientCpuPct)),
    both('  each waiting for a core (ms/s)', (p) => f(p.clientWaitMsPerS)),
    both('server RSS empty / loaded (MB)', (p) => `${f(p.rssEmptyMB)}/${f(p.rssLoadedMB)}`),
    both(
      'server memory per socket (KB)',
      (p) => f(p.kbPerSocket, 2),
      (p) => p.kbPerSocket,
    ),
    both('  of which JS heap (KB)', (p) => f(p.heapKbPerSocket, 2)),
    both(
      'heap used / total, loaded (MB)',
      (p) => `${f(p.memory.loaded.heapUsed / 1048576)}/${f(p.memory.loaded.heapTotal / 1048576)}`,
    ),
    both(
      'connect storm (s, all welcomed)',
      (p) => f(p.stormMs / 1000, 2),
      (p) => p.stormMs,
    ),
    both('sockets connected', (p) => `${p.sockets - p.connectFailures}/${p.sockets}`),
    both('stale or lost sockets', (p) => `${p.stale}/${p.disconnects}`),
  );
  return table(rows);
}

export function clockLines(ck: PointResult | undefined): string {
  if (!ck?.clockIdle) return '';
  const line = (name: string, c: NonNullable<PointResult['clockIdle']>) =>
    `clock offset ${name}: |estimated − true| = ${f(c.errorMs, 1)} ms (estimated ${f(c.estimatedMs, 1)} ± ${f(c.boundMs, 1)} ms, true −123456 ms, best round trip ${f(c.bestRttMs, 1)} ms, ${c.samples} samples in ${c.measurements} measurement(s); the first alone off by ${f(c.firstErrorMs, 1)} ms)`;
  return [line('idle', ck.clockIdle), ck.clockLoaded ? line('under load', ck.clockLoaded) : '']
    .filter(Boolean)
    .join('\n');
}

/** The latency columns of the scaling and rounds tables. */
const LATENCY_COLUMNS = ['CK p50', 'floor p50', 'p50 ratio', 'CK p99', 'floor p99', 'p99 ratio'];

/**
 * The scaling curve: latency and memory against the number of sockets. ΔKB/Δsock is the marginal
 * memory of a socket between two points (loaded RSS difference over socket difference): it leaves
 * out what does not grow with sockets (code compiled on first use, the young generation grown by
 * the connect storm), which the per-socket figure of a single point spreads over its sockets.
 */
export function scalingTable(points: { sockets: number; ck?: PointResult; fl?: PointResult }[]): string {
  const rows: string[][] = [
    [
      'sockets',
      ...LATENCY_COLUMNS,
      'CK KB/sock',
      'floor KB/sock',
      'CK ΔKB/Δsock',
      'floor ΔKB/Δsock',
      'CK CPU %',
      'floor CPU %',
      'CK delivered',
    ],
  ];
  const marginal = (p: PointResult | undefined, q: PointResult | undefined) =>
    p && q && q.sockets !== p.sockets
      ? f(((q.rssLoadedMB - p.rssLoadedMB) * 1024) / (q.sockets - p.sockets), 2)
      : '';
  for (const [i, { sockets, ck, fl }] of points.entries()) {
    const before = points[i - 1];
    rows.push([
      String(sockets),
      ck ? f(ck.latency.p50, 2) : '–',
      fl ? f(fl.latency.p50, 2) : '–',
      ck && fl ? ratio(ck.latency.p50, fl.latency.p50) : '',
      ck ? f(ck.latency.p99, 2) : '–',
      fl ? f(fl.latency.p99, 2) : '–',
      ck && fl ? ratio(ck.latency.p99, fl.latency.p99) : '',
      ck ? f(ck.kbPerSocket, 2) : '–',
      fl ? f(fl.kbPerSocket, 2) : '–',
      marginal(before?.ck, ck),
      marginal(before?.fl, fl),
      ck ? f(ck.serverCpuPct) : '–',
      fl ? f(fl.serverCpuPct) : '–',
      ck ? `${ck.deliveries}/${ck.expectedDeliveries}` : '–',
    ]);
  }
  return table(rows);
}

/** Every round of a repeated comparison, to show how much the machine's other work moved the figures. */
export function roundsTable(rounds: { ck?: PointResult; fl?: PointResult }[]): string {
  /** p50 and p99 of each side, and their ratios. */
  const cells = (ck?: Summary, fl?: Summary): string[] =>
    [(s: Summary) => s.p50, (s: Summary) => s.p99].flatMap((pick) => lat('', pick, ck, fl).slice(1));
  const rows: string[][] = [
    [
      'round',
      ...LATENCY_COLUMNS,
      'main thread µs/command',
      'server waits for a core (ms/s)',
      'load average (1 min)',
    ],
  ];
  /** One figure of each side, "CK · floor". */
  const pair = (ck: PointResult | undefined, fl: PointResult | undefined, of: (p: PointResult) => number) =>
    [ck, fl].map((p) => (p ? f(of(p), 0) : '–')).join(' · ');
  for (const [i, { ck, fl }] of rounds.entries()) {
    rows.push([
      String(i + 1),
      ...cells(ck?.latency, fl?.latency),
      pair(ck, fl, (p) => p.serverMainThreadUsPerCommand),
      pair(ck, fl, (p) => p.serverWaitMsPerS),
      [ck, fl]
        .map((p) => (p ? `${p.loadavg.before.split(' ')[0]}→${p.loadavg.after.split(' ')[0]}` : ''))
        .join(', '),
    ]);
  }
  const pooled = (side: 'ck' | 'fl') => {
    const parts = rounds.flatMap((r) => (r[side] ? [r[side].latencyMs] : []));
    return parts.length === rounds.length ? summarize(concat(parts)) : undefined;
  };
  const ck = pooled('ck');
  const fl = pooled('fl');
  rows.push([
    'pooled',
    ...cells(ck, fl),
    '',
    '',
    `every round's deliveries (${ck?.count ?? fl?.count ?? 0} per side)`,
  ]);
  return table(rows);
}
