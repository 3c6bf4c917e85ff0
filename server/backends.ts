import type { Logger } from 'pino';
import type { Clock } from './clock';
import type { Config } from './config';
import { MemoryPresence } from './presence/memory-presence';
import type { Presence } from './presence/presence';
import { MemoryRoomStore } from './store/memory-room-store';
import type { RoomStore } from './store/room-store';

/** Where rooms and presence live: the embedded in-memory default, or Redis when REDIS_URL is set. */
export interface Backends {
  store: RoomStore;
  presence: Presence;
}

export async function createBackends(config: Config, clock: Clock, _log: Logger): Promise<Backends> {
  return { store: new MemoryRoomStore(clock, config.roomTtlMs), presence: new MemoryPresence() };
}
