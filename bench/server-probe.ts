import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import type { Probe, ServerInbound, ServerOutbound } from './messages';
import { mainThreadSched } from './schedstat';

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
    const sched = mainThreadSched();
    const mem = process.memoryUsage();
    send({
      type: 'probe',
      id: message.id,
      probe: {
        userUs: cpu.user,
        systemUs: cpu.system,
        mainThreadUs: sched.runUs,
        mainThreadWaitUs: sched.waitUs,
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

function noPauses(): Probe['gc'] {
  const none = () => ({ count: 0, totalMs: 0, maxMs: 0 });
  return { minor: none(), incremental: none(), major: none() };
}

export function reportListening(port: number): void {
  process.send?.({ type: 'listening', port } satisfies ServerOutbound);
}
