import { readFileSync } from 'node:fs';

/**
 * Where a server's main thread went under load, from a CPU profile of the benchmark (`npm run bench
 * -- --full --only circlekeeper --duration 20 --settle 5 "--node-flags=--cpu-prof
 * --cpu-prof-dir=DIR"`; the main thread's file ends in `.0.001.cpuprofile`):
 *
 *   npx tsx bench/profile-shares.ts FILE [--last S] [--window S] [--commands N] [--top K]
 *
 * Each sample counts once, for the frame nearest its leaf that is Circlekeeper's own code (server/,
 * shared/), a library it calls (immer, zod, prom-client, pino) or the Socket.IO stack (socket.io*,
 * engine.io*, ws: the emits, which the floor makes too); samples with none of these are V8's and
 * Node's (idle, the garbage collector, the network). The window is the `--window` seconds (default
 * 20) that end `--last` seconds (default 4) before the profile's end: the steady load, before the
 * drain and the shutdown. With `--commands N` (the commands acked in that window, about one per
 * room per second) each line also shows µs per command.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const file = args[0];
if (!file || file.startsWith('--'))
  throw new Error('usage: bench/profile-shares.ts FILE [--last S] [--window S] [--commands N] [--top K]');

interface Frame {
  functionName: string;
  url: string;
}
interface Profile {
  nodes: { id: number; callFrame: Frame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const LIBRARIES = ['immer', 'zod', 'prom-client', 'pino'];
/** The category a frame opens, or null to look further from the leaf. */
function category(frame: Frame): string | null {
  const { url } = frame;
  if (/node_modules\/(socket\.io|engine\.io|ws)[^/]*\//.test(url)) return 'Socket.IO stack (emits, reads)';
  const library = LIBRARIES.find((name) => url.includes(`node_modules/${name}/`));
  if (library) return library;
  const own = url.match(/\/((server|shared)\/[^/].*)$/);
  return own ? `${own[1]} ${frame.functionName || '(anonymous)'}` : null;
}

const end = profile.endTime - option('last', 4) * 1e6;
const start = end - option('window', 20) * 1e6;
const counts = new Map<string, number>();
let total = 0;
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at < start || at > end) return;
  total++;
  let name: string | null = null;
  for (let node: number | undefined = id; node !== undefined && name === null; node = parents.get(node))
    name = category(frames.get(node)!);
  name ??= `V8 and Node: ${frames.get(id)!.functionName || '(native)'}`;
  counts.set(name, (counts.get(name) ?? 0) + 1);
});

const commands = option('commands', 0);
const usPerSample = (end - start) / total;
const own = [...counts].filter(([name]) => !name.startsWith('V8') && !name.startsWith('Socket.IO'));
const ownSamples = own.reduce((sum, [, n]) => sum + n, 0);
const line = (n: number, name: string) =>
  `${String(n).padStart(7)} ${((100 * n) / total).toFixed(1).padStart(5)} %` +
  (commands > 0 ? `${((n * usPerSample) / commands).toFixed(1).padStart(8)} µs/command` : '') +
  `  ${name}`;
console.log(
  `${total} samples in ${((end - start) / 1e6).toFixed(1)} s (one per ${(usPerSample / 1000).toFixed(2)} ms)`,
);
console.log(line(ownSamples, "Circlekeeper's own code and the libraries it calls"));
for (const [name, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, option('top', 30)))
  console.log(line(n, name));
