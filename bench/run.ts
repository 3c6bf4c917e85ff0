import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Target } from './messages';
import { parseOptions } from './options';
import {
  type PointResult,
  RESULTS_DIR,
  runPoint,
  type StartedPoint,
  startPoint,
  steadyLoad,
  stopPoint,
} from './point';
import { clockLines, comparisonTable, roundsTable, scalingTable } from './report';

/**
 * `npm run bench`: Circlekeeper and the bare Socket.IO floor under the same load, one after the
 * other, each in its own server process(es), driven by load generators in other processes.
 */
const opts = parseOptions(process.argv.slice(2));
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const machine = {
  nproc: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  /** Node options every process of the run inherits (.npmrc sets them for npm scripts). */
  nodeOptions: process.env.NODE_OPTIONS ?? '',
  loadavgAtStart: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
};

/**
 * Runs Circlekeeper and the floor with Circlekeeper's views as its payload: one round, or `repeat`
 * rounds. The two runs of a round follow each other, so they share the machine's conditions, and
 * their order alternates from round to round (Circlekeeper first in odd rounds, the floor first in
 * even ones), so that neither side always runs on a machine fresh from idling or from the other.
 * Each run starts its side afresh (servers, connect storm, memory); with `--interleave` both sides
 * are started once and kept up, and each run is one more window of steady load on the same sockets,
 * so that the two sides' windows are half a minute apart, not minutes.
 * Every round is listed, with every round's deliveries pooled per side; the round shown in full is
 * the quietest (lowest 1-minute load average over its runs).
 */
async function compare(rooms: number): Promise<{ ck?: PointResult; fl?: PointResult; runs: PointResult[] }> {
  const started = new Map<Target, StartedPoint>();
  try {
    if (opts.interleave)
      for (const target of opts.targets)
        started.set(target, await startPoint(target, { ...opts, rooms }, log));
    const measure = (target: Target) => {
      const point = started.get(target);
      return point ? steadyLoad(point, log) : runPoint(target, { ...opts, rooms }, log);
    };
    return await measureRounds(measure);
  } finally {
    for (const point of started.values()) await stopPoint(point);
  }
}

/** `repeat` rounds of both sides, each run made by `measure`; the rounds table when there are several. */
async function measureRounds(
  measure: (target: Target) => Promise<PointResult>,
): Promise<{ ck?: PointResult; fl?: PointResult; runs: PointResult[] }> {
  const runs: PointResult[] = [];
  const rounds: { ck?: PointResult; fl?: PointResult }[] = [];
  for (let i = 0; i < opts.repeat; i++) {
    const round: { ck?: PointResult; fl?: PointResult } = {};
    const order = i % 2 === 0 ? opts.targets : [...opts.targets].reverse();
    for (const target of order) {
      const result = await measure(target);
      if (target === 'circlekeeper') round.ck = result;
      else round.fl = result;
      runs.push(result);
    }
    rounds.push(round);
  }
  if (rounds.length > 1) console.log(`\n${roundsTable(rounds)}`);
  const load = (p?: PointResult) =>
    p ? (Number(p.loadavg.before.split(' ')[0]) + Number(p.loadavg.after.split(' ')[0])) / 2 : 0;
  const quietest = [...rounds].sort((a, b) => load(a.ck) + load(a.fl) - (load(b.ck) + load(b.fl)))[0]!;
  return { ...quietest, runs };
}

const header = (rooms: number) =>
  `${rooms} rooms × ${opts.members} members (+1 facilitator, +1 display) = ${rooms * (opts.members + 2)} sockets, ` +
  `${opts.processes} server process(es)${opts.redisUrl ? ' on Redis' : ', embedded store'}; ` +
  `each facilitator sends timer.add every ${opts.periodMs} ms for ${opts.durationMs / 1000} s` +
  (opts.floorWorkUs > 0
    ? `; the floor spends ${opts.floorWorkUs} µs per command before its emits (--floor-work)`
    : '') +
  (opts.clientNice > 0 ? `; load generators at niceness ${opts.clientNice} (--client-nice)` : '') +
  (opts.interleave ? '; both sides kept up, their windows alternating (--interleave)' : '');

const output: Record<string, unknown> = {
  options: { ...opts, redisUrl: opts.redisUrl ? 'set' : undefined },
  machine,
};
if (opts.scale.length > 0) {
  const points: { sockets: number; ck?: PointResult; fl?: PointResult }[] = [];
  for (const sockets of opts.scale) {
    const rooms = Math.max(1, Math.round(sockets / (opts.members + 2)));
    const { ck, fl } = await compare(rooms);
    points.push({ sockets: rooms * (opts.members + 2), ck, fl });
    console.log(`\n${header(rooms)}\n${comparisonTable(ck, fl)}`);
  }
  console.log(`\nScaling curve\n${scalingTable(points)}`);
  output.scaling = points;
} else {
  const { ck, fl, runs } = await compare(opts.rooms);
  console.log(`\n${header(opts.rooms)}\n${comparisonTable(ck, fl)}`);
  const clock = clockLines(ck);
  if (clock) console.log(clock);
  output.circlekeeper = ck;
  output.floor = fl;
  if (opts.repeat > 1) output.runs = runs;
}
const loadEnd = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(
  `\nmachine: ${machine.nproc} × ${machine.cpu}, Node ${machine.node} (NODE_OPTIONS: ${machine.nodeOptions || 'none'}); load average at start ${machine.loadavgAtStart}, at end ${loadEnd}`,
);
output.loadavgAtEnd = loadEnd;
if (opts.json) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    JSON.stringify(output, (_k, v) => (v instanceof Float64Array ? undefined : v), 2),
  );
  log(`figures written to ${file}`);
}
process.exit(0);
