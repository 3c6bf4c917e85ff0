import { PacketType } from 'socket.io-parser';
import { apply, freezeStates } from '../server/core/apply';
import { roleViews } from '../server/core/views';
import { jsonParser } from '../server/transport/json-parser';
import { benchService, ioStandIn, setUpBenchRoom } from './bench-rooms';

/**
 * The server's own share of one command, without sockets or a network: `npx tsx bench/hot-path.ts`.
 * ROOMS rooms of 10 members whose first holds the piece; the facilitators, in turn, alternate
 * timer.add +1/−1 through the real RoomService, memory store and SocketBroadcaster, with a
 * Socket.IO stand-in that encodes each emitted view once, into its frame's bytes (as the adapter
 * does), and sends it nowhere.
 * Rooms take turns so that each command finds its room's merge window closed, as in the benchmark.
 * Beside it, its parts, and the floor's share: encoding the same three views, as the floor sends them.
 * Prints µs per command (the best of interleaved trials: the least disturbed by the machine).
 * States are not frozen, as in production (`NODE_ENV=production`); `--frozen` freezes them.
 */
const ROOMS = 1000;
const MEMBERS = 10;
const facilitator = { kind: 'facilitator' } as const;

let encodedBytes = 0;
let emits = 0;
const encoder = new jsonParser.Encoder();
/** A `state` event as the adapter encodes it once per broadcast: the packet, then its Engine.IO frame's bytes. */
const encode = (view: unknown) =>
  Buffer.from(`4${encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['state', view] })[0]!}`);
const { store, service } = benchService(
  ioStandIn((_event, view) => {
    emits++;
    encodedBytes += encode(view).length - 1;
  }),
);
freezeStates(process.argv.includes('--frozen'));

const codes: string[] = [];
for (let r = 0; r < ROOMS; r++) codes.push(await setUpBenchRoom(service, MEMBERS, 'Bench circle'));
await new Promise((resolve) => setTimeout(resolve, 200)); // every merge window closes

const add = (i: number) => ({ type: 'timer.add', seconds: i % 2 === 0 ? 1 : -1 }) as const;
const n = ROOMS * 5;
let i = 0;
async function command(): Promise<void> {
  const result = await service.execute(codes[i % ROOMS]!, add(i++), facilitator);
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
}

// A room's state and the one the next command makes, to time the parts alone.
const state = (await store.get(codes[0]!))!;
const now = Date.now();
const applied = apply(state, add(0), facilitator, now);
if (!applied.ok) throw new Error('timer.add refused');
const next = applied.state;
const views = Object.values(roleViews(next, now));
/** µs per command over `n` commands, a pass over every room at a time; between passes (not timed) the merge windows close. */
async function commands(): Promise<number> {
  let us = 0;
  for (let pass = 0; pass < n / ROOMS; pass++) {
    const start = performance.now();
    for (let r = 0; r < ROOMS; r++) await command();
    us += (performance.now() - start) * 1000;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return us / n;
}
emits = 0;
encodedBytes = 0;
await commands(); // warm-up: the JIT settles, and the emits are counted
const emitsPerCommand = emits / n;
const perEmit = encodedBytes / Math.max(1, emits);
// The floor's payloads: the same views as plain parsed JSON (bench/floor-server.ts sends those).
const floorViews = views.map((view) => JSON.parse(JSON.stringify(view)) as object);

const steps: Record<string, (k: number) => unknown> = {
  'apply (copy and change the state)': (k) => apply(state, add(k), facilitator, now),
  'views of both states (roleViews × 2)': () => {
    roleViews(state, now);
    roleViews(next, now);
  },
  'encode the three views once': () => {
    for (const view of views) encode(view);
  },
  'floor: encode its three payloads (the same views)': (k) => {
    for (const view of floorViews) encode({ ...view, version: k, serverNow: Date.now() });
  },
};
const bestUs: Record<string, number> = { 'whole command (store, apply, publish)': Number.POSITIVE_INFINITY };
for (let trial = 0; trial < 9; trial++) {
  bestUs['whole command (store, apply, publish)'] = Math.min(
    bestUs['whole command (store, apply, publish)']!,
    await commands(),
  );
  for (const [name, step] of Object.entries(steps)) {
    const start = performance.now();
    for (let k = 0; k < n; k++) await step(k);
    bestUs[name] = Math.min(
      bestUs[name] ?? Number.POSITIVE_INFINITY,
      ((performance.now() - start) * 1000) / n,
    );
  }
}

console.log(
  `Server work per timer.add in ${ROOMS} rooms of ${MEMBERS} members (${emitsPerCommand.toFixed(2)} emits per command, ${perEmit.toFixed(0)} bytes per emit):`,
);
for (const [name, value] of Object.entries(bestUs))
  console.log(`  ${name.padEnd(48)} ${value.toFixed(1).padStart(6)} µs`);
await store.close();
