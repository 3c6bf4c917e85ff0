import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { MemoryPresence } from '../../server/presence/memory-presence';
import { RedisPresence, type RedisPresenceOptions } from '../../server/presence/redis-presence';
import { type RedisKeys, redisKeys } from '../../server/redis/keys';
import { connectWithin, createRedisClient, type RedisClient } from '../../server/redis/redis-client';
import { deleteKeys, REDIS_URL, uniquePrefix } from '../helpers/processes';
import { presenceContract } from './presence.contract';

const log = createLogger('silent');
const prefixes: string[] = [];

async function connected(name: string): Promise<RedisClient> {
  const client = createRedisClient(REDIS_URL, log, { name, failWhileOffline: true });
  if (!(await connectWithin(client, 5000))) throw new Error(`Redis does not answer at ${REDIS_URL}`);
  return client;
}

/** Processes sharing one fresh prefix; timings shortened so that deaths are noticed in a second. */
const clients = new Map<RedisPresence, RedisClient>();

async function redisProcesses(keys: RedisKeys, count: number, opts: Partial<RedisPresenceOptions> = {}) {
  const presences: RedisPresence[] = [];
  for (let i = 0; i < count; i++) {
    const client = await connected(`ck-test-presence-${i}`);
    presences.push(
      new RedisPresence({
        client,
        keys,
        log,
        processId: `process-${i}`,
        // Short, but not so short that a busy test machine's pauses look like deaths.
        heartbeatEveryMs: 200,
        aliveForMs: 1500,
        recheckAfterMs: 100,
        ...opts,
      }),
    );
    clients.set(presences.at(-1)!, client);
  }
  return presences;
}

function freshPrefix(): string {
  const prefix = uniquePrefix('presence');
  prefixes.push(prefix);
  return prefix;
}

const freshKeys = (): RedisKeys => redisKeys(freshPrefix());

/** Resolves with the next (code, memberId) a listener is told about that `matches`. */
function next(
  register: (listener: (code: string, memberId: string) => void) => void,
  matches = (_m: string) => true,
) {
  return new Promise<{ code: string; memberId: string }>((resolve) => {
    let done = false;
    register((code, memberId) => {
      if (done || !matches(memberId)) return;
      done = true;
      resolve({ code, memberId });
    });
  });
}

presenceContract('memory', async () => {
  const presence = new MemoryPresence();
  return { presences: [presence, presence], close: () => presence.close() };
});

presenceContract('Redis', async () => {
  const presences = await redisProcesses(freshKeys(), 2, { heartbeatEveryMs: 3000, aliveForMs: 10_000 });
  return {
    presences: [presences[0]!, presences[1]!],
    close: async () => {
      await Promise.all(presences.map((p) => p.close()));
    },
  };
});

describe('Redis presence when a process dies', () => {
  it('reports the members of a process that stopped beating as lost, on one survivor, once', async () => {
    const keys = freshKeys();
    const [victim, survivor, other] = await redisProcesses(keys, 3);
    const lost: string[] = [];
    const reporters = new Set<string>();
    for (const p of [survivor!, other!]) {
      p.onLost((_code, memberId) => {
        lost.push(memberId);
        reporters.add(p.processId);
      });
    }
    const anaLost = next(
      (l) => survivor!.onLost(l),
      (m) => m === 'ana',
    );
    const anaLostElsewhere = next(
      (l) => other!.onLost(l),
      (m) => m === 'ana',
    );

    await victim!.add('ROOMAA', 'ana', 'v1');
    await victim!.add('ROOMAA', 'ana', 'v2');
    await victim!.add('ROOMAA', 'ben', 'v3');
    await survivor!.add('ROOMAA', 'ben', 's1');
    const started = performance.now();
    crash(victim!);

    // Ana had sockets only on the dead process; Ben still has one on the survivor.
    const first = await Promise.race([anaLost, anaLostElsewhere]);
    expect(first).toEqual({ code: 'ROOMAA', memberId: 'ana' });
    expect(performance.now() - started).toBeLessThan(3000);
    // Rechecks repeat the news (harmless, presence.set is idempotent) but never report Ben.
    await survivor!.tick({ beat: true });
    await other!.tick({ beat: true });
    expect(lost).not.toContain('ben');
    expect(reporters.size).toBe(1);
    expect(await survivor!.remove('ROOMAA', 'ben', 's1')).toBe(true);
    await Promise.all([survivor!.close(), other!.close(), victim!.close()]);
  });

  it('records its sockets again and reports their members found when it was reaped while alive', async () => {
    const keys = freshKeys();
    const [stalled, survivor] = await redisProcesses(keys, 2);
    // The stalled one beats rarely: its heartbeat lapses and the survivor reaps it.
    const slow = new RedisPresence({
      client: await connected('ck-test-slow'),
      keys,
      log,
      processId: 'slow',
      heartbeatEveryMs: 60_000,
      aliveForMs: 300,
      recheckAfterMs: 100,
    });
    await stalled!.close();
    const lost = next((l) => survivor!.onLost(l));
    const found = next((l) => slow.onFound?.(l));
    await slow.add('ROOMAA', 'cleo', 'c1');
    expect(await lost).toEqual({ code: 'ROOMAA', memberId: 'cleo' });

    await slow.tick({ beat: true });
    expect(await found).toEqual({ code: 'ROOMAA', memberId: 'cleo' });
    // Recorded again: her socket counts, and leaving is her last.
    expect(await survivor!.add('ROOMAA', 'cleo', 'c2')).toBe(false);
    expect(await survivor!.remove('ROOMAA', 'cleo', 'c2')).toBe(false);
    expect(await slow.remove('ROOMAA', 'cleo', 'c1')).toBe(true);
    await Promise.all([survivor!.close(), slow.close()]);
  });

  it('leaves nothing behind after a graceful close', async () => {
    const prefix = freshPrefix();
    const [p] = await redisProcesses(redisKeys(prefix), 1);
    await p!.add('ROOMAA', 'ana', 's1');
    await p!.remove('ROOMAA', 'ana', 's1');
    await p!.close();
    const client = await connected('ck-test-inspect');
    const left: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*` })) {
      left.push(...batch);
    }
    client.destroy();
    expect(left).toEqual([]);
  });
});

/** A crash: the connection drops and the heartbeat stops, with no goodbye. */
function crash(presence: RedisPresence): void {
  clients.get(presence)?.destroy();
}

afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(REDIS_URL, prefix);
});
