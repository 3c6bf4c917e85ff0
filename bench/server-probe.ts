import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import type { ServerInbound, ServerOutbound } from './messages';

/**
 * Lets the runner read a server child's CPU time and memory, optionally after a full GC
 * (the child runs with --expose-gc), without an HTTP route that would share the event loop's queue
 * with the sockets being measured any differently than IPC does.
 */
export function installProbe(): void {
  const send = (message: ServerOutbound) => process.send?.(message);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
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
        at: performance.timeOrigin + performance.now(),
        ...(snapshot ? { snapshot } : {}),
      },
    });
    loop.reset();
  });
  // The runner's end is ours: without it, keep nothing alive.
  process.on('disconnect', () => process.exit(0));
  // Exit normally on the runner's SIGTERM, so that --cpu-prof writes its profile.
  process.once('SIGTERM', () => process.exit(0));
}

export function reportListening(port: number): void {
  process.send?.({ type: 'listening', port } satisfies ServerOutbound);
}
