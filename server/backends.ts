import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { Clock } from './clock';
import type { Config } from './config';
import { MemoryPresence } from './presence/memory-presence';
import type { Presence } from './presence/presence';
import { DurableMemoryRoomStore } from './store/durable-memory-room-store';
import { MemoryRoomStore } from './store/memory-room-store';
import type { RoomStore } from './store/room-store';

/** What `io.adapter(...)` takes: how broadcasts reach the sockets of other processes. */
export type SocketAdapter = Parameters<Server['adapter']>[0];

/** Where rooms and presence live: the embedded in-memory default, or Redis when REDIS_URL is set. */
export interface Backends {
  store: RoomStore;
  presence: Presence;
  /** Carries Socket.IO broadcasts between processes; absent: this process's sockets only. */
  adapter?: SocketAdapter;
  /** Closes what the backends opened besides store and presence (the adapter's connections). */
  close?(): Promise<void>;
}

export async function createBackends(config: Config, clock: Clock, log: Logger): Promise<Backends> {
  if (config.redisUrl) {
    // Loaded only when asked for: without REDIS_URL nothing of Redis is even imported.
    const { createRedisBackends } = await import('./redis/redis-backends');
    return createRedisBackends({
      url: config.redisUrl,
      prefix: config.redisPrefix,
      roomTtlMs: config.roomTtlMs,
      clock,
      log,
    });
  }
  return memoryBackends(config, clock, log);
}

async function memoryBackends(config: Config, clock: Clock, log: Logger): Promise<Backends> {
  const store = config.dataDir
    ? await DurableMemoryRoomStore.open({
        dataDir: config.dataDir,
        clock,
        ttlMs: config.roomTtlMs,
        debounceMs: config.snapshotDebounceMs,
        log,
      })
    : new MemoryRoomStore(clock, config.roomTtlMs);
  return { store, presence: new MemoryPresence() };
}
