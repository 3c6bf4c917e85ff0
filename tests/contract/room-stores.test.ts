import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock';
import { createLogger } from '../../server/logger';
import { redisKeys } from '../../server/redis/keys';
import { connectWithin, createRedisClient } from '../../server/redis/redis-client';
import { MemoryRoomStore } from '../../server/store/memory-room-store';
import { RedisRoomStore } from '../../server/store/redis-room-store';
import { StoreUnavailableError } from '../../server/store/room-store';
import { deleteKeys, freePort, REDIS_URL, uniquePrefix } from '../helpers/processes';
import { withLatency } from './latent-room-store';
import { type OpenStores, roomState, roomStoreContract } from './room-store.contract';

const log = createLogger('silent');
const prefixes: string[] = [];

const memory: OpenStores = async ({ ttlMs }) => {
  const store = new MemoryRoomStore(systemClock, ttlMs);
  return { stores: [store, store], close: () => store.close() };
};

/** Two stores on two connections under one fresh prefix: two processes sharing the rooms. */
const redis: OpenStores = async ({ ttlMs }) => {
  const prefix = uniquePrefix('store');
  prefixes.push(prefix);
  const keys = redisKeys(prefix);
  const open = async (name: string) => {
    const client = createRedisClient(REDIS_URL, log, { name, failWhileOffline: true });
    if (!(await connectWithin(client, 5000))) throw new Error(`Redis does not answer at ${REDIS_URL}`);
    return new RedisRoomStore({ client, keys, clock: systemClock, ttlMs });
  };
  const stores = [await open('ck-test-a'), await open('ck-test-b')] as const;
  return {
    stores: [...stores],
    close: async () => {
      await Promise.all(stores.map((s) => s.close()));
      await deleteKeys(REDIS_URL, prefix);
    },
  };
};

/** The same, every call slowed by 0–50 ms on each side. */
const latent =
  (open: OpenStores): OpenStores =>
  async (opts) => {
    const harness = await open(opts);
    return { ...harness, stores: [withLatency(harness.stores[0]), withLatency(harness.stores[1])] };
  };

roomStoreContract('memory', memory);
roomStoreContract('Redis', redis);
roomStoreContract('memory with 0–50 ms latency', latent(memory), { expiry: false });
roomStoreContract('Redis with 0–50 ms latency', latent(redis), { expiry: false });

describe('RedisRoomStore without Redis', () => {
  it('answers unavailable within a second, for every operation, and never hangs', async () => {
    const port = await freePort();
    const client = createRedisClient(`redis://127.0.0.1:${port}`, log, {
      name: 'ck-test-down',
      failWhileOffline: true,
    });
    expect(await connectWithin(client, 200)).toBe(false);
    const store = new RedisRoomStore({
      client,
      keys: redisKeys(uniquePrefix('down')),
      clock: systemClock,
      ttlMs: 60_000,
    });
    const room = roomState();
    const operations: [string, () => Promise<unknown>][] = [
      ['create', () => store.create(room)],
      ['get', () => store.get(room.code)],
      ['update', () => store.update(room.code, (state) => ({ state, value: 0 }))],
      ['count', () => store.count()],
      ['ping', () => store.ping()],
    ];
    for (const [what, operation] of operations) {
      const started = performance.now();
      await expect(operation(), what).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(performance.now() - started, what).toBeLessThan(1000);
    }
    await store.close();
  });

  it('gives up as unavailable after too many conflicting writes in a row', async () => {
    const prefix = uniquePrefix('budget');
    prefixes.push(prefix);
    const client = createRedisClient(REDIS_URL, log, { name: 'ck-test-budget', failWhileOffline: true });
    await connectWithin(client, 5000);
    const keys = redisKeys(prefix);
    const store = new RedisRoomStore({ client, keys, clock: systemClock, ttlMs: 60_000, maxAttempts: 3 });
    const room = roomState();
    await store.create(room);
    let calls = 0;
    const rivalWrites: Promise<unknown>[] = [];
    // Each time the function runs, a rival's write lands first: the compare-and-set never succeeds.
    // The rival writes on the store's own connection, so that Redis surely runs it before the
    // store's compare-and-set, sent after the function returns (a second connection's write could
    // be overtaken, and the test would then pass or fail by chance).
    const started = performance.now();
    const attempt = store.update(room.code, (state) => {
      calls += 1;
      rivalWrites.push(client.hSet(keys.room(room.code), 'v', String(state.version + 1000 + calls)));
      return { state: { ...state, version: state.version + 1 }, value: 0 };
    });
    await expect(attempt).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(calls).toBe(3);
    expect(performance.now() - started).toBeLessThan(1000);
    await Promise.all(rivalWrites);
    await store.close();
  });
});

afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(REDIS_URL, prefix);
});
