import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/core/actor';
import { createRoomState } from '../../server/core/create-room';
import type { RoomState } from '../../server/core/state';
import { createLogger } from '../../server/logger';
import { createMetrics } from '../../server/metrics';
import { RoomService } from '../../server/rooms/room-service';
import type { RoomStore } from '../../server/store/room-store';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../shared/room-code';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { waitUntil } from '../helpers/processes';

/** Two handles on the same rooms: for Redis two connections, as two processes have; for memory one store twice. */
export interface StoreHarness {
  stores: [RoomStore, RoomStore];
  close(): Promise<void>;
}

export type OpenStores = (opts: { ttlMs: number }) => Promise<StoreHarness>;

const HOUR = 3_600_000;
let codes = 0;

/** A valid room code no other room of this run has: a counter written in the code alphabet. */
function nextCode(): string {
  codes += 1;
  let n = codes;
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) {
    code = ROOM_CODE_ALPHABET[n % ROOM_CODE_ALPHABET.length] + code;
    n = Math.floor(n / ROOM_CODE_ALPHABET.length);
  }
  return code;
}

/** A fresh room with a code no other test of the run uses. */
export function roomState(overrides: Partial<RoomState> = {}): RoomState {
  return {
    ...createRoomState({
      code: nextCode(),
      title: 'Contract circle',
      settings: { ...DEFAULT_SETTINGS },
      agenda: [],
      facilitatorKeyHash: 'f'.repeat(64),
      displayKeyHash: 'd'.repeat(64),
      now: Date.now(),
    }),
    ...overrides,
  };
}

/** A change as the core makes one: a new object with the next version. */
const retitled = (state: RoomState, title: string): RoomState => ({
  ...state,
  title,
  version: state.version + 1,
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What every RoomStore promises (see server/store/room-store.ts), run against each implementation
 * by tests/contract/room-stores.test.ts.
 */
export function roomStoreContract(name: string, open: OpenStores, opts: { expiry?: boolean } = {}): void {
  describe(`RoomStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let a: RoomStore;
    let b: RoomStore;

    beforeEach(async () => {
      harness = await open({ ttlMs: HOUR });
      [a, b] = harness.stores;
    });
    afterEach(async () => {
      await harness.close();
    });

    it('creates a room once: a taken code answers false and keeps the first room', async () => {
      const room = roomState();
      expect(await a.create(room)).toBe(true);
      expect(await b.create({ ...room, title: 'Impostor' })).toBe(false);
      expect(await b.get(room.code)).toEqual(room);
    });

    it('answers null for a room that does not exist, and never calls the function', async () => {
      let calls = 0;
      expect(await a.get('NOSUCH')).toBeNull();
      expect(
        await a.update('NOSUCH', (state) => {
          calls += 1;
          return { state, value: 1 };
        }),
      ).toBeNull();
      expect(calls).toBe(0);
    });

    it('writes a changed state and returns the function’s value', async () => {
      const room = roomState();
      await a.create(room);
      const outcome = await a.update(room.code, (state) => ({
        state: retitled(state, 'Renamed'),
        value: 'done',
      }));
      expect(outcome).toMatchObject({
        changed: true,
        value: 'done',
        state: { title: 'Renamed', version: 2 },
      });
      expect(await b.get(room.code)).toMatchObject({ title: 'Renamed', version: 2 });
    });

    it('writes nothing when the function returns the state it was given (a no-op or a refusal)', async () => {
      const room = roomState();
      await a.create(room);
      const outcome = await a.update(room.code, (state) => ({ state, value: { ok: false } }));
      expect(outcome).toMatchObject({ changed: false, value: { ok: false }, state: room });
      expect(await b.get(room.code)).toEqual(room);
    });

    it('deletes a room and counts only live rooms', async () => {
      const rooms = [roomState(), roomState(), roomState()];
      for (const room of rooms) await a.create(room);
      expect(await b.count()).toBe(3);
      await b.delete(rooms[0]!.code);
      expect(await a.get(rooms[0]!.code)).toBeNull();
      expect(await a.count()).toBe(2);
    });

    it('answers ping', async () => {
      await expect(a.ping()).resolves.toBeUndefined();
    });

    it('applies concurrent updates from both handles one after the other: no update is lost', async () => {
      const room = roomState();
      await a.create(room);
      const bump = (store: RoomStore) =>
        store.update(room.code, (state) => ({
          state: { ...state, version: state.version + 1, seq: state.seq + 1 },
          value: state.version + 1,
        }));
      const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => bump(i % 2 === 0 ? a : b)));
      const versions = outcomes.map((o) => o?.value);
      expect(new Set(versions).size).toBe(40);
      expect([...versions].sort((x, y) => x! - y!)).toEqual(
        Array.from({ length: 40 }, (_, i) => room.version + 1 + i),
      );
      expect(await a.get(room.code)).toMatchObject({ version: room.version + 40, seq: 40 });
    });

    it('moves the piece once when two facilitators advance from the same speaker at the same time', async () => {
      const { code, members } = await meetingInRound([a, b], 6);
      const services = [a, b].map(
        (store) =>
          new RoomService({
            store,
            clock: { now: () => Date.now() },
            metrics: createMetrics(),
            log: createLogger('silent'),
          }),
      );
      const facilitator: Actor = { kind: 'facilitator' };
      for (let turn = 0; turn < members.length; turn++) {
        const holder = members[turn]!;
        const [first, second] = await Promise.all(
          services.map((service) => service.execute(code, { type: 'round.next', from: holder }, facilitator)),
        );
        expect(first?.ok && second?.ok).toBe(true);
        const state = (await a.get(code))!;
        // Exactly one of the two moved the piece; the other found it gone from `from` and did nothing.
        expect(state.speaker?.memberId ?? null).toBe(members[turn + 1] ?? null);
        expect(state.round?.outcomes[holder]).toBe('spoke');
        for (const later of members.slice(turn + 1)) expect(state.round?.outcomes[later]).toBe('pending');
      }
      const done = (await b.get(code))!;
      expect(done.round?.endedAt).not.toBeNull();
      expect(Object.values(done.round?.outcomes ?? {})).toEqual(members.map(() => 'spoke'));
    });
  });

  // Expiry is about time passing, which latency only blurs: the latent variants leave it out.
  if (opts.expiry === false) return;
  describe(`RoomStore expiry: ${name}`, () => {
    // Long enough that 0–50 ms of latency on each call cannot blur the instants compared.
    const ttlMs = 1500;
    let harness: StoreHarness;
    let a: RoomStore;
    let b: RoomStore;

    beforeEach(async () => {
      harness = await open({ ttlMs });
      [a, b] = harness.stores;
    });
    afterEach(async () => {
      await harness.close();
    });

    // Time passing is the subject here: these wait on purpose.
    it('forgets a room left idle for the TTL', async () => {
      const room = roomState();
      await a.create(room);
      expect(await b.get(room.code)).not.toBeNull();
      await waitUntil(async () => (await b.get(room.code)) === null, 'the room to expire', ttlMs + 2000, 50);
      expect(await a.count()).toBe(0);
      expect(await a.update(room.code, (state) => ({ state: retitled(state, 'x'), value: 0 }))).toBeNull();
    });

    it('keeps a room that is written to: every write refreshes the TTL, a no-op does not', async () => {
      const written = roomState();
      const idle = roomState();
      await a.create(written);
      await a.create(idle);
      await pause(ttlMs * 0.6);
      await a.update(written.code, (state) => ({ state: retitled(state, 'Still here'), value: 0 }));
      await a.update(idle.code, (state) => ({ state, value: 0 }));
      await pause(ttlMs * 0.6);
      expect(await b.get(written.code)).toMatchObject({ title: 'Still here' });
      expect(await b.get(idle.code)).toBeNull();
      expect(await b.count()).toBe(1);
    });

    it('honours a shorter expiry asked by a step (an ended room keeps its tombstone briefly)', async () => {
      const room = roomState();
      await a.create(room);
      await a.update(room.code, (state) => ({
        state: retitled(state, 'Ending'),
        value: 0,
        ttlMs: ttlMs / 5,
      }));
      expect(await b.get(room.code)).toMatchObject({ title: 'Ending' });
      await waitUntil(async () => (await b.get(room.code)) === null, 'the short expiry', ttlMs, 25);
    });
  });
}

/** A room with `size` members online and a round started: the first holds the piece. */
async function meetingInRound(
  stores: RoomStore[],
  size: number,
): Promise<{ code: string; members: string[] }> {
  const store = stores[0]!;
  const room = roomState();
  await store.create(room);
  const service = new RoomService({
    store,
    clock: { now: () => Date.now() },
    metrics: createMetrics(),
    log: createLogger('silent'),
  });
  const members: string[] = [];
  for (let i = 0; i < size; i++) {
    const memberId = `m${i}`;
    const system: Actor = { kind: 'system' };
    expect(
      await service.execute(
        room.code,
        { type: 'member.join', memberId, name: `Member ${i}`, tokenHash: `${i}`.repeat(64) },
        system,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await service.execute(room.code, { type: 'presence.set', memberId, online: true }, system),
    ).toMatchObject({ ok: true });
    members.push(memberId);
  }
  const started = await service.execute(
    room.code,
    { type: 'round.start', kind: 'go-around' },
    { kind: 'facilitator' },
  );
  expect(started).toMatchObject({ ok: true });
  expect((await store.get(room.code))?.speaker?.memberId).toBe(members[0]);
  return { code: room.code, members };
}
