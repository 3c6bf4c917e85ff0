import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES, CommandSchema } from '../../shared/commands';
import type { CreateRoomResponse } from '../../shared/http';
import type { Result } from '../../shared/results';
import type { FacilitatorView } from '../../shared/views';
import { connectFacilitator, connectMember, createRoom, type Participant } from '../helpers/clients';
import { type InspectableServer, startInspectableServer } from '../helpers/security-server';

/**
 * Hostile input over Socket.IO: at least 10,000 malformed `command` payloads (seeded), plus events
 * without acks, unknown events (including names of Object.prototype), binary attachments, malformed
 * handshakes and raw garbage packets. Afterwards the server must be alive, the room exactly as it
 * was (same version, deep-equal), no prototype polluted, and honest clients served.
 *
 * The per-socket rate limit is raised for this suite (it is proven in limits.test.ts): the point
 * here is what the parser and the engine do with every payload, not the flood control.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_125);
const COMMAND_PAYLOADS = Number(process.env.FUZZ_PAYLOADS ?? 10_000);

const junk = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, '', ' ', '0', 'null', '[]', '{}', 'undefined'),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 4 }),
);
/** Control characters, direction overrides, lone surrogates, NUL: in every string field. */
const nasty = fc
  .array(
    fc.constantFrom(
      '\u0000',
      '\u0007',
      '\u001b[2J',
      '\u202e',
      '\u2066',
      '\ud800',
      '\ufeff',
      '\r\n',
      'é',
      '🙂',
    ),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(''));
const huge = fc.integer({ min: 1_000, max: 14_000 }).map((n) => 'x'.repeat(n));
const deep = fc.integer({ min: 50, max: 2_000 }).chain((depth) =>
  fc.constantFrom('array', 'object').map((kind) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++)
      value = kind === 'array' ? [value] : { type: 'hand.raise', nested: value };
    return value;
  }),
);
/** Prototype-pollution shapes, built by JSON.parse so that `__proto__` is an own key, as off the wire. */
const pollution = fc
  .constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"type":"hand.raise","__proto__":{"polluted":true}}',
    '{"type":"room.update","constructor":{"prototype":{"polluted":true}}}',
    '{"type":"order.set","memberIds":{"__proto__":[],"length":1,"0":"a"}}',
    '{"type":"signal.send","kind":{"toString":"slow-down"}}',
    '{"type":"__proto__"}',
    '{"type":"constructor"}',
    '{"type":"toString"}',
    '{"type":"hasOwnProperty","memberId":"a"}',
    '{"type":"round.start","kind":"check-in","order":["__proto__","constructor","prototype"],"prompt":7}',
    '{"type":"timer.start","seconds":{"valueOf":60}}',
    '[{"type":"hand.raise"}]',
  )
  .map((json) => JSON.parse(json) as unknown);

/** A command of a real type with one field replaced by something of the wrong kind. */
const wrongField = fc.record({
  type: fc.constantFrom(...COMMAND_TYPES),
  field: fc.constantFrom(
    'type',
    'kind',
    'memberId',
    'memberIds',
    'seconds',
    'from',
    'title',
    'segments',
    'value',
    'role',
    'question',
    'signalId',
    'prompt',
    'order',
    'locked',
  ),
  value: fc.oneof(junk, nasty, huge, deep),
});

const malformed: fc.Arbitrary<unknown> = fc.oneof(
  junk,
  nasty,
  huge,
  deep,
  pollution,
  wrongField.map(({ type, field, value }) => ({ type, [field]: value })),
  fc.record({
    type: fc.oneof(junk, nasty, fc.constantFrom('ROUND.START', 'round.start ', 'round', 'turn.done\u0000')),
  }),
  fc.record({
    type: fc.constantFrom(...COMMAND_TYPES),
    memberId: fc.oneof(nasty, huge),
    kind: fc.oneof(nasty, junk),
  }),
);

let server: InspectableServer;
let room: CreateRoomResponse;
let fac: Participant<FacilitatorView>;
let members: Participant[];

beforeAll(async () => {
  server = await startInspectableServer({ config: { commandsPerSecond: 1e6, commandBurst: 1e6 } });
  room = await createRoom(server.url, { title: 'Fuzzed circle', agreements: [] });
  fac = await connectFacilitator(server.url, room);
  members = [];
  for (const name of ['Ana', 'Ben', 'Cleo']) members.push(await connectMember(server.url, room, name));
  await fac.waitFor((v) => v.members.filter((m) => m.online).length === 3, 'three members online');
  expect(await fac.send({ type: 'round.start', kind: 'check-in' })).toMatchObject({ ok: true });
  expect(await members[1]!.send({ type: 'hand.raise' })).toMatchObject({ ok: true });
});
afterAll(async () => {
  for (const p of [fac, ...(members ?? [])]) p?.close();
  await server?.close();
});

/** Below the 16 KB message cap (oversized messages disconnect: proven in limits.test.ts). */
const UNDER_CAP = 15_000;

/** The payloads, deterministic for a seed; anything the schema would accept is left out. */
function payloads(count: number, seed: number): unknown[] {
  const out: unknown[] = [];
  let round = 0;
  while (out.length < count) {
    for (const p of fc.sample(malformed, { seed: seed + round++, numRuns: 1_000 })) {
      const size = Buffer.byteLength(JSON.stringify(p) ?? '');
      if (size < UNDER_CAP && !CommandSchema.safeParse(p).success) out.push(p);
    }
  }
  return out.slice(0, count);
}

async function inBatches<T>(items: T[], size: number, work: (item: T, i: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
  }
}

describe('socket fuzzing', () => {
  const tried = { commands: 0, withoutAck: 0, unknownEvents: 0, binary: 0, handshakes: 0, rawPackets: 0 };

  it(`answers ${COMMAND_PAYLOADS} malformed commands with invalid_command and changes nothing`, async () => {
    const before = structuredClone(await server.store.get(room.code));
    const senders = [fac as Participant, ...members];
    const all = payloads(COMMAND_PAYLOADS, SEED);
    const codes = new Map<string, number>();
    await inBatches(all, 400, async (payload, i) => {
      const sender = senders[i % senders.length]!;
      const result: Result = await sender.socket.timeout(10_000).emitWithAck('command', payload as never);
      const code = result.ok ? 'ok' : result.error.code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (code !== 'invalid_command')
        throw new Error(`payload ${i} answered ${code}: ${JSON.stringify(payload).slice(0, 200)}`);
    });
    tried.commands += all.length;
    expect(Object.fromEntries(codes)).toEqual({ invalid_command: all.length });
    expect(await server.store.get(room.code)).toEqual(before);
  }, 60_000);

  it('survives commands without acks, non-function acks, extra arguments and unknown events', async () => {
    const before = structuredClone(await server.store.get(room.code));
    const raw = members[0]!.socket as unknown as { emit: (...args: unknown[]) => void };
    const some = payloads(1_000, SEED + 7);
    for (const payload of some) {
      raw.emit('command', payload);
      raw.emit('command', payload, 'not a function');
      raw.emit('command', payload, 1, 2, 3);
      tried.withoutAck += 3;
    }
    raw.emit('command');
    // (Reserved names — disconnect, disconnecting, newListener… — the client will not send: see raw packets.)
    const names = [
      'round.start',
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'error',
      'x'.repeat(5_000),
      '\u0000',
      '',
    ];
    const small = some.filter((p) => Buffer.byteLength(JSON.stringify(p) ?? '') < 1_000).slice(0, 20);
    for (const name of names) {
      for (const payload of small) raw.emit(name, payload);
      tried.unknownEvents += 20;
    }
    for (let i = 0; i < 50; i++) raw.emit('clock', some[i], 'junk');
    // Every one of them went by without a change; the socket still works (its ack comes back after them).
    const clock = await members[0]!.socket.timeout(5_000).emitWithAck('clock');
    expect(clock.serverNow).toEqual(expect.any(Number));
    expect(await server.store.get(room.code)).toEqual(before);
  });

  it('refuses binary attachments as commands', async () => {
    const before = structuredClone(await server.store.get(room.code));
    const binaries: unknown[] = [
      Buffer.from('{"type":"hand.raise"}'),
      new Uint8Array([0, 1, 2, 255]),
      new ArrayBuffer(1024),
      { type: 'timer.add', seconds: Buffer.alloc(8) },
      { type: Buffer.from('hand.raise') },
      [Buffer.alloc(10), Buffer.alloc(10)],
      { type: 'piece.give', memberId: Buffer.from('a') },
    ];
    for (let i = 0; i < 100; i++) {
      for (const payload of binaries) {
        const result: Result = await fac.socket.timeout(5_000).emitWithAck('command', payload as never);
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid_command' } });
        tried.binary++;
      }
    }
    expect(await server.store.get(room.code)).toEqual(before);
  });

  it('refuses malformed handshakes one by one', async () => {
    // A room of its own: a generated name that happens to be valid (say "é🙂") joins, as it should.
    const other = await createRoom(server.url, { title: 'Handshake fuzz' });
    const auths = fc.sample(
      fc.oneof(
        malformed,
        fc.record({
          code: fc.oneof(junk, nasty, fc.constant(other.code)),
          name: fc.oneof(junk, nasty, huge, deep),
        }),
        fc.record({ code: fc.constant(other.code), memberToken: fc.oneof(junk, nasty, huge) }),
        fc.record({ code: fc.oneof(junk, deep), facilitatorKey: fc.oneof(junk, nasty, pollution) }),
        pollution,
      ),
      { seed: SEED, numRuns: 300 },
    );
    const outcomes = new Map<string, number>();
    await inBatches(auths, 30, async (auth) => {
      const outcome = await handshake(auth);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    });
    tried.handshakes += auths.length;
    // Each ends in a refusal code (or is cut off by the message cap) — or, for a valid name, a join.
    const allowed = new Set([
      'bad_credentials',
      'invalid_name',
      'room_not_found',
      'name_taken',
      'closed',
      'welcome',
    ]);
    for (const outcome of outcomes.keys()) expect(allowed.has(outcome), outcome).toBe(true);
    console.info(`handshake fuzz: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    // Only names the schema accepts joined (at most one per handshake that got that far).
    const joined = (await server.store.get(other.code))!.members;
    expect(joined.length).toBeLessThanOrEqual((outcomes.get('welcome') ?? 0) + (outcomes.get('closed') ?? 0));
    for (const m of joined) expect(m.name).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
  }, 60_000);

  it('drops connections that send raw garbage packets, and nothing else', async () => {
    // Socket.IO packets as the engine carries them (type digit, then JSON), broken in every way.
    const garbage = [
      '2["command"',
      '2{"type":"hand.raise"}',
      '2"command"',
      '2[]',
      '2[null]',
      '2[7,{"type":"hand.raise"}]',
      '51-["command",{"_placeholder":true,"num":7}]',
      '5999999-["command",{"_placeholder":true,"num":0}]',
      '3999["x"]',
      '0{"token":',
      '1',
      '4',
      '9',
      '99999999999999999999',
      '\u0000\u0001',
      `2["command",${'['.repeat(5000)}]`,
      '2["disconnect"]',
      '2["disconnecting",{}]',
      '2["newListener","command"]',
      '2["removeListener","command"]',
      '2["error",{"message":"boom"}]',
      '2/other,["command",{"type":"round.end"}]',
      '2["command",{"type":"round.start"},"ack"]',
    ];
    const before = structuredClone(await server.store.get(room.code));
    for (const packet of garbage) {
      const socket = io(server.url, {
        auth: { code: room.code, facilitatorKey: room.facilitatorKey },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const closed = new Promise((resolve) => socket.once('disconnect', resolve));
      socket.io.engine.write(packet);
      await Promise.race([closed, new Promise((r) => setTimeout(r, 200))]);
      socket.close();
      tried.rawPackets++;
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await server.store.get(room.code)).toEqual(before);
  });

  it('is still alive, unpolluted, and serves honest clients', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const before = (await server.store.get(room.code))!.version;
    // The holder finishes her turn: the piece moves on, one version step.
    const ana = members[0]!;
    expect(await ana.send({ type: 'turn.done' })).toEqual({ ok: true, version: before + 1 });
    const late = await connectMember(server.url, room, 'Late');
    expect(await late.send({ type: 'hand.raise' })).toMatchObject({ ok: true });
    late.close();
    const seen = await fac.waitFor((v) => v.members.some((m) => m.name === 'Late'), 'the late member');
    expect(seen.version).toBeGreaterThan(before);
    console.info(`socket fuzz (seed ${SEED}): ${JSON.stringify(tried)}`);
    const total = Object.values(tried).reduce((a, b) => a + b, 0);
    expect(tried.commands).toBeGreaterThanOrEqual(10_000);
    expect(total).toBeGreaterThan(10_000);
  });
});

/** How a handshake with this auth ends: `welcome`, the connect_error code, or `closed` (cut off). */
function handshake(auth: unknown): Promise<string> {
  return new Promise((resolve) => {
    let socket: Socket;
    try {
      socket = io(server.url, {
        auth: auth as object,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
    } catch {
      resolve('client refused to send');
      return;
    }
    const done = (outcome: string) => {
      clearTimeout(timer);
      socket.close();
      resolve(outcome);
    };
    const timer = setTimeout(() => done('closed'), 3_000);
    socket.once('welcome', () => done('welcome'));
    socket.once('connect_error', (err) => done(err.message));
    socket.once('disconnect', () => done('closed'));
  });
}
