import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config';
import { addressKey, FailedAttemptLimiter, TokenBucket } from '../../server/transport/command-rate-limit';
import type { Result } from '../../shared/results';
import {
  connectFacilitator,
  connectMember,
  createRoom,
  httpCommand,
  type Participant,
  refusal,
} from '../helpers/clients';
import { type InspectableServer, startInspectableServer } from '../helpers/security-server';

const open: Participant[] = [];
let server: InspectableServer | undefined;
afterEach(async () => {
  for (const p of open.splice(0)) p.close();
  await server?.close();
  server = undefined;
});

async function start(config: Parameters<typeof startInspectableServer>[0] = {}) {
  server = await startInspectableServer(config);
  return server;
}

const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the token bucket', () => {
  it('lets a burst through, then the sustained rate, with time passed in', () => {
    const bucket = new TokenBucket(10, 20, 0);
    const burst = Array.from({ length: 25 }, () => bucket.take(0)).filter(Boolean).length;
    expect(burst).toBe(20);
    expect(bucket.take(50)).toBe(false); // half a token after 50 ms
    expect(bucket.take(100)).toBe(true); // one token after 100 ms
    expect(bucket.take(100)).toBe(false);
    // A long pause refills to the burst, never beyond.
    expect(Array.from({ length: 30 }, () => bucket.take(60_000)).filter(Boolean).length).toBe(20);
  });

  it('groups IPv6 addresses by /64 and reads IPv4-mapped ones as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
  });

  it('remembers a bounded number of addresses and forgets refilled ones', () => {
    const limiter = new FailedAttemptLimiter({ perMinute: 6, trustProxy: false, maxAddresses: 100 });
    for (let i = 0; i < 1000; i++) limiter.fail(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(limiter.size(0)).toBeLessThanOrEqual(100);
    expect(limiter.size(61_000)).toBe(0);
  });
});

describe('the per-socket command rate limit', () => {
  it('answers rate_limited beyond the burst without applying, and serves again after a pause', async () => {
    const { url, store } = await start({ config: { commandsPerSecond: 10, commandBurst: 20 } });
    const room = await createRoom(url);
    const ana = await connectMember(url, room, 'Ana');
    open.push(ana);
    const before = (await store.get(room.code))!.version;
    // 40 signals at once: each accepted one is a change (a new signal), each refused one nothing.
    const results = await Promise.all(
      Array.from({ length: 40 }, () => ana.send({ type: 'signal.send', kind: 'slow-down' })),
    );
    const accepted = results.filter((r) => r.ok).length;
    const limited = results.filter((r) => !r.ok && r.error.code === 'rate_limited');
    expect(accepted).toBeGreaterThanOrEqual(20);
    expect(accepted).toBeLessThan(25); // the burst, plus what refilled while they arrived
    expect(limited.length).toBe(40 - accepted);
    expect(limited[0]).toEqual({ ok: false, error: { code: 'rate_limited', message: expect.any(String) } });
    expect((await store.get(room.code))!.version).toBe(before + accepted);
    await new Promise((r) => setTimeout(r, 300));
    expect(await ana.send({ type: 'hand.raise' })).toMatchObject({ ok: true });
  });

  it('is per socket: a flood on one socket does not slow the others', async () => {
    const { url } = await start({ config: { commandsPerSecond: 1, commandBurst: 5 } });
    const room = await createRoom(url);
    const ana = await connectMember(url, room, 'Ana');
    const ben = await connectMember(url, room, 'Ben');
    open.push(ana, ben);
    await Promise.all(Array.from({ length: 20 }, () => ana.send({ type: 'hand.lower' })));
    expect(await ana.send({ type: 'hand.raise' })).toMatchObject({ error: { code: 'rate_limited' } });
    expect(await ben.send({ type: 'hand.raise' })).toMatchObject({ ok: true });
  });

  it('limits clock probes separately, so clock sync never costs a command', async () => {
    const { url } = await start({ config: { commandsPerSecond: 1, commandBurst: 5 } });
    const room = await createRoom(url);
    const ana = await connectMember(url, room, 'Ana');
    open.push(ana);
    const probes = await Promise.allSettled(
      Array.from({ length: 8 }, () => ana.socket.timeout(300).emitWithAck('clock')),
    );
    expect(probes.filter((p) => p.status === 'fulfilled').length).toBe(5);
    expect(await ana.send({ type: 'hand.raise' })).toMatchObject({ ok: true });
  });
});

describe('the per-IP limit on failed handshakes', () => {
  it('refuses every handshake once an address has failed too often, successes included', async () => {
    const { url } = await start({ config: { limitsPerIp: true, failedAttemptsPerMinute: 5 } });
    const room = await createRoom(url);
    for (let i = 0; i < 5; i++)
      expect(await refusal(url, { code: 'ZZZZZZ', name: 'Guess' })).toBe('room_not_found');
    expect(await refusal(url, { code: 'ZZZZZZ', name: 'Guess' })).toBe('rate_limited');
    // A right guess is refused the same way: otherwise the refusal itself would tell right from wrong.
    expect(await refusal(url, { code: room.code, facilitatorKey: room.facilitatorKey })).toBe('rate_limited');
    // HTTP lookups of rooms share the allowance.
    const res = await fetch(`${url}/api/rooms/${room.code}`);
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
  });

  it('counts only failures: a whole group joining from one address is never limited', async () => {
    const { url } = await start({ config: { limitsPerIp: true, failedAttemptsPerMinute: 5 } });
    const room = await createRoom(url);
    const group = await Promise.all(
      Array.from({ length: 40 }, (_, i) => connectMember(url, room, `Member ${i}`)),
    );
    open.push(...group);
    expect(group.every((p) => p.welcome.role === 'member')).toBe(true);
    // People's own mistakes (a taken name, a bad name) do not count either.
    for (let i = 0; i < 10; i++)
      expect(await refusal(url, { code: room.code, name: 'member 0' })).toBe('name_taken');
    expect(await refusal(url, { code: room.code, name: '\u0007' })).toBe('invalid_name');
    const late = await connectMember(url, room, 'Late');
    open.push(late);
    expect(late.welcome.role).toBe('member');
  });

  it('counts failed HTTP lookups and bad keys toward the same allowance', async () => {
    const { url } = await start({ config: { limitsPerIp: true, failedAttemptsPerMinute: 4 } });
    const room = await createRoom(url);
    expect((await fetch(`${url}/api/rooms/ZZZZZZ`)).status).toBe(404);
    expect((await fetch(`${url}/api/rooms/YYYYYY`)).status).toBe(404);
    expect((await httpCommand(url, room.code, 'wrong', { type: 'round.end' })).status).toBe(401);
    expect((await fetch(`${url}/api/rooms/${room.code}`)).status).toBe(200);
    expect(await refusal(url, { code: room.code, displayKey: 'wrong' })).toBe('bad_credentials');
    expect(await refusal(url, { code: room.code, displayKey: room.displayKey })).toBe('rate_limited');
    expect((await httpCommand(url, room.code, room.facilitatorKey, { type: 'round.end' })).status).toBe(429);
  });

  it('is lifted by LIMITS_PER_IP=off', async () => {
    const { url } = await start({ config: { limitsPerIp: false, failedAttemptsPerMinute: 2 } });
    for (let i = 0; i < 30; i++)
      expect(await refusal(url, { code: 'ZZZZZZ', name: 'Guess' })).toBe('room_not_found');
  });
});

describe('the HTTP limits (@fastify/rate-limit)', () => {
  it('limits room creation per IP, answering 429 rate_limited in the contract shape', async () => {
    const { url } = await start({ config: { limitsPerIp: true, roomsPerMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await post(url, '/api/rooms', {})).status).toBe(201);
    const res = await post(url, '/api/rooms', {});
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await res.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
  });

  it('limits every /api/* route per IP, and nothing outside /api', async () => {
    const { url } = await start({ config: { limitsPerIp: true, apiRequestsPerMinute: 10 } });
    const room = await createRoom(url);
    for (let i = 0; i < 10; i++) expect((await fetch(`${url}/api/rooms/${room.code}`)).status).toBe(200);
    const res = await fetch(`${url}/api/rooms/${room.code}`);
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: { code: 'rate_limited' } });
    for (let i = 0; i < 30; i++) expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('is lifted by LIMITS_PER_IP=off', async () => {
    const { url } = await start({
      config: { limitsPerIp: false, roomsPerMinute: 1, apiRequestsPerMinute: 1 },
    });
    for (let i = 0; i < 20; i++) expect((await post(url, '/api/rooms', {})).status).toBe(201);
  });
});

describe('payload size caps', () => {
  it('answers 413 payload_too_large to an HTTP body over the limit', async () => {
    const { url } = await start({ config: { httpBodyLimitBytes: 4096 } });
    const room = await createRoom(url);
    const big = { title: 'x'.repeat(5000) };
    const created = await post(url, '/api/rooms', big);
    expect(created.status).toBe(413);
    expect(await created.json()).toEqual({
      error: { code: 'payload_too_large', message: expect.any(String) },
    });
    const command = await post(url, `/api/rooms/${room.code}/commands`, big, {
      authorization: `Bearer ${room.facilitatorKey}`,
    });
    expect(command.status).toBe(413);
    expect(await command.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it.each(['websocket', 'polling'] as const)(
    'disconnects a %s socket whose message is over the limit, and serves the others',
    async (transport) => {
      const { url, store } = await start({ config: { socketMessageLimitBytes: 4096 } });
      const room = await createRoom(url);
      const fac = await connectFacilitator(url, room);
      open.push(fac);
      const big = io(url, {
        auth: { code: room.code, name: 'Big' },
        transports: [transport],
        reconnection: false,
      });
      await new Promise((resolve) => big.once('welcome', resolve));
      const gone = new Promise<string>((resolve) => big.once('disconnect', resolve));
      big.emit('command', { type: 'signal.send', kind: 'x'.repeat(5000) });
      expect(await gone).toMatch(/close|error/);
      big.close();
      await fac.waitFor((v) => v.members.every((m) => !m.online), 'Big offline');
      expect((await store.get(room.code))!.signals).toEqual([]);
      expect(await fac.send({ type: 'room.update', title: 'Still here' })).toMatchObject({ ok: true });
    },
  );
});

describe('caps on rooms, names, texts and agendas', () => {
  it('refuses a member beyond MAX_MEMBERS_PER_ROOM with room_full, even when they race for the last place', async () => {
    const { url, store } = await start({ config: { maxMembersPerRoom: 5 } });
    const room = await createRoom(url);
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => connectMember(url, room, `Racer ${i}`)),
    );
    const joined = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    open.push(...joined);
    expect(joined).toHaveLength(5);
    for (const a of attempts) if (a.status === 'rejected') expect(a.reason.message).toBe('room_full');
    expect((await store.get(room.code))!.members).toHaveLength(5);
    // A returning member is not a new one; a removal frees a place.
    const fac = await connectFacilitator(url, room);
    open.push(fac);
    expect(await fac.send({ type: 'member.remove', memberId: joined[0]!.welcome.memberId! })).toMatchObject({
      ok: true,
    });
    const next = await connectMember(url, room, 'Next');
    open.push(next);
    expect(await refusal(url, { code: room.code, name: 'One too many' })).toBe('room_full');
  });

  it('refuses over-long names, titles, prompts, orders and agendas', async () => {
    const { url } = await start();
    const room = await createRoom(url);
    expect(await refusal(url, { code: room.code, name: 'n'.repeat(41) })).toBe('invalid_name');
    expect(await refusal(url, { code: room.code, name: 'n'.repeat(10_000) })).toBe('invalid_name');
    expect((await post(url, '/api/rooms', { title: 't'.repeat(81) })).status).toBe(400);
    const segments = Array.from({ length: 31 }, () => ({ kind: 'discussion', minutes: 5 }));
    expect((await post(url, '/api/rooms', { agenda: segments })).status).toBe(400);
    const fac = await connectFacilitator(url, room);
    open.push(fac);
    const refusals: unknown[] = [
      { type: 'round.start', kind: 'check-in', prompt: 'p'.repeat(281) },
      { type: 'order.set', memberIds: Array.from({ length: 501 }, (_, i) => `m${i}`) },
      { type: 'agenda.set', segments },
      { type: 'room.update', title: 't'.repeat(81) },
      { type: 'piece.give', memberId: 'm'.repeat(65) },
    ];
    for (const payload of refusals) {
      const result: Result = await fac.socket.timeout(2000).emitWithAck('command', payload as never);
      expect(result, JSON.stringify(payload).slice(0, 60)).toMatchObject({
        error: { code: 'invalid_command' },
      });
    }
  });
});

describe('limits configuration', () => {
  it('has sensible defaults', () => {
    expect(parseConfig({})).toMatchObject({
      commandsPerSecond: 10,
      commandBurst: 20,
      failedAttemptsPerMinute: 20,
      roomsPerMinute: 30,
      apiRequestsPerMinute: 600,
      maxMembersPerRoom: 200,
      httpBodyLimitBytes: 65_536,
      socketMessageLimitBytes: 16_384,
      snapshotDebounceMs: 200,
      limitsPerIp: true,
      listenBacklog: 4096,
      freezeStates: true,
    });
    // The Docker image's environment: states are not deep-frozen (server/core/apply.ts).
    expect(parseConfig({ NODE_ENV: 'production' }).freezeStates).toBe(false);
  });

  it('reads every limit from the environment and stops on a bad value with one clear line', () => {
    const config = parseConfig({
      COMMANDS_PER_SECOND: '5',
      COMMAND_BURST: '8',
      FAILED_ATTEMPTS_PER_MINUTE: '3',
      ROOMS_PER_MINUTE: '2',
      API_REQUESTS_PER_MINUTE: '100',
      MAX_MEMBERS_PER_ROOM: '50',
      HTTP_BODY_LIMIT_BYTES: '8192',
      SOCKET_MESSAGE_LIMIT_BYTES: '4096',
      SNAPSHOT_DEBOUNCE_MS: '1000',
      LIMITS_PER_IP: 'off',
      LISTEN_BACKLOG: '1024',
    });
    expect(config).toMatchObject({
      listenBacklog: 1024,
      commandsPerSecond: 5,
      commandBurst: 8,
      maxMembersPerRoom: 50,
      limitsPerIp: false,
    });
    expect(() => parseConfig({ COMMAND_BURST: '0' })).toThrow(/^Bad configuration: COMMAND_BURST/);
    expect(() => parseConfig({ MAX_MEMBERS_PER_ROOM: 'many' })).toThrow(/MAX_MEMBERS_PER_ROOM/);
    expect(() => parseConfig({ LISTEN_BACKLOG: '0' })).toThrow(/^Bad configuration: LISTEN_BACKLOG/);
  });
});
