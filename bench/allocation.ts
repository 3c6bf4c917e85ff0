import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import { apply, freezeStates } from '../server/core/apply';
import { roleViews } from '../server/core/views';
import { roleViewsJson } from '../server/transport/view-json';
import { parseCommand } from '../shared/parse';
import { benchService, ioStandIn, setUpBenchRoom } from './bench-rooms';

/**
 * The JS heap the server allocates per command, step by step, without sockets:
 *   node --expose-gc --max-semi-space-size=128 --min-semi-space-size=128 --import tsx bench/allocation.ts
 * Rooms as in bench/hot-path.ts (1000 rooms of 10 members, the first holding the piece, timer.add
 * by the facilitator); the emits go nowhere, so what Socket.IO allocates for the wire (the same for
 * Circlekeeper and the floor) is left out. Each step runs once per room between two readings of
 * the heap; the young generation is large enough that no collection runs in between (a reading
 * during which one ran is dropped). Prints KB per command, the median of five readings.
 * Allocation is what the collector then has to clear: on the benchmark's two shared cores its
 * threads take CPU from the server and the load generators alike.
 */
const ROOMS = 1000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc (see the comment at the top of bench/allocation.ts)');

let collections = 0;
new PerformanceObserver((list) => {
  collections += list.getEntries().length;
}).observe({ entryTypes: ['gc'] });

freezeStates(false);
const { store, metrics, service } = benchService(ioStandIn(() => {}));
const codes: string[] = [];
for (let r = 0; r < ROOMS; r++) codes.push(await setUpBenchRoom(service, 10, 'Bench circle'));
const states = await Promise.all(codes.map(async (code) => (await store.get(code))!));
const facilitator = { kind: 'facilitator' } as const;
let k = 0;
const add = () => ({ type: 'timer.add', seconds: k++ % 2 === 0 ? 1 : -1 }) as const;
const now = Date.now();
const floorViews = states.map((state) => {
  const views = roleViews(state, now);
  return [views.facilitator, views.member, views.display].map((v) => JSON.parse(JSON.stringify(v)) as object);
});

const steps: Record<string, (r: number) => unknown> = {
  'whole command (service, store, apply, views, JSON)': (r) => service.execute(codes[r]!, add(), facilitator),
  'parse the command (zod)': () => parseCommand({ type: 'timer.add', seconds: 1 }),
  'apply (the draft)': (r) => apply(states[r]!, add(), facilitator, now),
  'views (roleViews)': (r) => roleViews(states[r]!, now),
  "views' JSON (roleViewsJson, three roles)": (r) =>
    roleViewsJson(roleViews(states[r]!, now), ['facilitator', 'member', 'display']),
  'metrics (a counter and a histogram)': () => {
    metrics.commands.inc({ type: 'timer.add', outcome: 'ok' });
    metrics.commandSeconds.observe({ type: 'timer.add' }, 0.0003);
  },
  'floor: its three payloads and their JSON': (r) => {
    for (const view of floorViews[r]!) JSON.stringify({ ...view, version: r, serverNow: now });
  },
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

console.log(`JS heap allocated per command in ${ROOMS} rooms of 10 members (KB, median of five):`);
for (const [name, step] of Object.entries(steps)) {
  const readings: number[] = [];
  for (let tries = 0; readings.length < 5; tries++) {
    if (tries === 20) throw new Error('a collection ran during every reading: run with the flags at the top');
    await pause(100); // the merge windows close
    gc();
    await pause(0); // the forced collection's entry is counted
    const seen = collections;
    const before = v8.getHeapStatistics().used_heap_size;
    for (let r = 0; r < ROOMS; r++) await step(r);
    const after = v8.getHeapStatistics().used_heap_size;
    await pause(0);
    if (collections === seen) readings.push((after - before) / ROOMS / 1024);
  }
  readings.sort((a, b) => a - b);
  console.log(`  ${name.padEnd(52)} ${readings[2]!.toFixed(2).padStart(6)}`);
}
