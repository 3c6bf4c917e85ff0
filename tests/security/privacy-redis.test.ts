import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectFacilitator, connectMember, createRoom, type Participant } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

/**
 * What Redis holds of a room once it has ended or expired: nothing that names a person. Every key
 * under this run's own prefix is read back, whatever its type, and searched.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `ck-test-privacy-${process.pid}-${Date.now()}:`;
const TTL_MS = 1500;

type Redis = ReturnType<typeof createClient>;

/** Every key of this run with its content flattened to text. */
async function dump(redis: Redis): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const batch of redis.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 200 })) {
    for (const key of Array.isArray(batch) ? batch : [batch]) {
      const type = await redis.type(key);
      const content =
        type === 'string'
          ? await redis.get(key)
          : type === 'hash'
            ? JSON.stringify(await redis.hGetAll(key))
            : type === 'set'
              ? JSON.stringify(await redis.sMembers(key))
              : type === 'zset'
                ? JSON.stringify(await redis.zRange(key, 0, -1))
                : type;
      out.set(key, content ?? '');
    }
  }
  return out;
}

async function until(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('rooms on Redis leave nothing behind', () => {
  let server: TestServer;
  let redis: Redis;

  beforeAll(async () => {
    redis = createClient({ url: REDIS_URL });
    await redis.connect();
    server = await startServer({ config: { redisUrl: REDIS_URL, redisPrefix: PREFIX, roomTtlMs: TTL_MS } });
  });
  afterAll(async () => {
    await server?.close();
    for (const key of (await dump(redis)).keys()) await redis.del(key);
    await redis.quit();
  });

  it('forgets every name and token of an ended room: only a nameless tombstone stays', async () => {
    const room = await createRoom(server.url, { title: 'Quiet circle' });
    const fac = await connectFacilitator(server.url, room);
    const people: Participant[] = [
      await connectMember(server.url, room, 'Wilhelmina Zorn'),
      await connectMember(server.url, room, 'Xavier Quill'),
    ];
    await fac.waitFor((v) => v.members.filter((m) => m.online).length === 2);
    await fac.send({ type: 'round.start', kind: 'check-in' });
    const before = [...(await dump(redis)).values()].join('\n');
    expect(before).toContain('Wilhelmina Zorn'); // the search below is not vacuous

    const gone = people.map((p) => new Promise((resolve) => p.socket.once('disconnect', resolve)));
    expect(await fac.send({ type: 'room.end' })).toMatchObject({ ok: true });
    await Promise.all(gone);
    await until(
      async () => ![...(await dump(redis)).keys()].some((k) => k.includes('presence:member')),
      'presence cleared',
    );

    const after = await dump(redis);
    const text = [...after.entries()].flat().join('\n');
    for (const secret of [
      'Wilhelmina',
      'Zorn',
      'Xavier',
      'Quill',
      ...people.map((p) => p.welcome.memberToken!),
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    for (const p of people) expect(text).not.toContain(p.welcome.memberId!);
    expect(await redis.pTTL(`${PREFIX}room:${room.code}`)).toBeGreaterThan(0);
    fac.close();
  });

  it('leaves no key that mentions an expired room', async () => {
    const room = await createRoom(server.url, { title: 'Short-lived circle' });
    const yara = await connectMember(server.url, room, 'Yara Vellacott');
    yara.close();
    await until(
      async () => (await fetch(`${server.url}/api/rooms/${room.code}`)).status === 404,
      'the room to expire',
    );
    // The room count reads (and tidies) the index of live rooms.
    await fetch(`${server.url}/metrics`);
    await until(async () => {
      const text = [...(await dump(redis)).entries()].flat().join('\n');
      return !text.includes(room.code) && !text.includes('Yara');
    }, 'every trace of the room to go');
  });
});
