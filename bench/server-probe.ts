import { readFileSync } from 'node:fs';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import type { Probe, ServerInbound, ServerOutbound } from './messages';

/**
 * Lets the runner read a server child's CPU time and memory, optionally after a full GC
 * (the child runs with --expose-gc), without an HTTP route that would share the event loop's queue
 * with the sockets being measured any differently than IPC does.
 */
export function installProbe(): void {
  const send = (message: ServerOutbound) => process.send?.(message);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let gc = noPauses();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      const pauses =
        kind === constants.NODE_PERFORMANCE_GC_MINOR
          ? gc.minor
          : kind === constants.NODE_PERFORMANCE_GC_MAJOR
            ? gc.major
            : gc.incremental;
      pauses.count++;
      pauses.totalMs += entry.duration;
      pauses.maxMs = Math.max(pauses.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (raw) => {
    const message = raw as ServerInbound;
    if (message.type !== 'probe') return;
    if (message.gc && typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
    const snapshot = message.snapshotTo ? writeHeapSnapshot(message.snapshotTo) : undefined;
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    send({
      type: 'probe',
      id: message.id,
      probe: {
        userUs: cpu.user,
        systemUs: cpu.system,
        mainThreadUs: mainThreadUs(),
        rss: mem.rss,
        heapUsed: mem.heapUsed,
        heapTotal: mem.heapTotal,
        external: mem.external,
        arrayBuffers: mem.arrayBuffers,
        spaces: Object.fromEntries(
          getHeapSpaceStatistics().map((s) => [
            s.space_name,
            { size: s.space_size, used: s.space_used_size },
          ]),
        ),
        loopDelay: {
          p50: loop.percentile(50) / 1e6,
          p99: loop.percentile(99) / 1e6,
          max: loop.max / 1e6,
        },
        gc,
        at: performance.timeOrigin + performance.now(),
        ...(snapshot ? { snapshot } : {}),
      },
    });
    loop.reset();
    gc = noPauses();
  });
  // The runner's end is ours: without it, keep nothing alive.
  process.on('disconnect', () => process.exit(0));
  // Exit normally on the runner's SIGTERM, so that --cpu-prof writes its profile.
  process.once('SIGTERM', () => process.exit(0));
}

/**
 * CPU time of the main thread (the JavaScript, its scavenges' share and its syscalls), from the
 * thread's own /proc entry: its utime and stime, in clock ticks of 10 ms (Linux's USER_HZ).
 */
function mainThreadUs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

function noPauses(): Probe['gc'] {
  const none = () => ({ count: 0, totalMs: 0, maxMs: 0 });
  return { minor: none(), incremental: none(), major: none() };
}

export function reportListening(port: number): void {
  process.send?.({ type: 'listening', port } satisfies ServerOutbound);
}
