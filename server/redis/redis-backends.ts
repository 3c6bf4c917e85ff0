import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import type { Backends } from '../backends';
import type { Clock } from '../clock';
import { RedisPresence } from '../presence/redis-presence';
import { RedisRoomStore } from '../store/redis-room-store';
import { redisKeys } from './keys';
import { closeClient, connectWithin, createRedisClient, type RedisClient } from './redis-client';

export interface RedisBackendsOptions {
  url: string;
  prefix: string;
  roomTtlMs: number;
  clock: Clock;
  log: Logger;
  /** How long start-up waits for Redis before going on without it (ms; it keeps reconnecting). */
  connectWaitMs?: number;
}

/**
 * The cluster setup: rooms and presence in Redis, broadcasts over Redis sharded pub/sub (see
 * docs/architecture.md for why sharded). Four connections per process: the store's and the
 * presence's fail fast while Redis is away; the adapter's two queue, so that subscriptions made
 * during an outage are sent when it returns (node-redis also resubscribes on reconnect).
 */
export async function createRedisBackends(opts: RedisBackendsOptions): Promise<Backends> {
  const { url, prefix, log } = opts;
  const keys = redisKeys(prefix);
  const storeClient = createRedisClient(url, log, { name: 'ck-store', failWhileOffline: true });
  const presenceClient = createRedisClient(url, log, { name: 'ck-presence', failWhileOffline: true });
  const pubClient = createRedisClient(url, log, { name: 'ck-pub', failWhileOffline: true });
  const subClient = createRedisClient(url, log, { name: 'ck-sub', failWhileOffline: false });
  const clients = [storeClient, presenceClient, pubClient, subClient];
  const connected = await Promise.all(
    clients.map((client) => connectWithin(client, opts.connectWaitMs ?? 5000)),
  );
  if (connected.includes(false))
    log.warn({ url: redactedUrl(url) }, 'Redis does not answer yet; serving `unavailable` until it does');

  const store = new RedisRoomStore({ client: storeClient, keys, clock: opts.clock, ttlMs: opts.roomTtlMs });
  const presence = new RedisPresence({ client: presenceClient, keys, log });
  const adapter = createShardedAdapter(pubClient, quietSubscriber(subClient, log), {
    channelPrefix: keys.socketIoChannel(),
    subscriptionMode: 'dynamic',
  });
  return {
    store,
    presence,
    adapter,
    async close() {
      await Promise.all([closeClient(pubClient), closeClient(subClient)]);
    },
  };
}

/**
 * The adapter subscribes to a room's channel when the room appears and does not catch a refusal
 * (a client closing at shutdown): an unhandled rejection would end the process. This view of the
 * subscriber logs such failures instead; it exposes only what the sharded adapter calls.
 */
function quietSubscriber(client: RedisClient, log: Logger) {
  const logged = (what: string) => (err: unknown) =>
    log.warn({ reason: err instanceof Error ? err.message : String(err) }, `Redis ${what} failed`);
  return {
    sSubscribe: (...args: Parameters<RedisClient['sSubscribe']>) =>
      client.sSubscribe(...args).catch(logged('subscribe')),
    sUnsubscribe: (...args: Parameters<RedisClient['sUnsubscribe']>) =>
      client.sUnsubscribe(...args).catch(logged('unsubscribe')),
  };
}

/** The URL without its password, for logs. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
