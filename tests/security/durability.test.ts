import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoomState } from '../../server/core/create-room';
import { endedRoom } from '../../server/core/room-end';
import type { RoomState } from '../../server/core/state';
import { createLogger } from '../../server/logger';
import { DurableMemoryRoomStore } from '../../server/store/durable-memory-room-store';
import type { RoomSnapshot } from '../../server/store/snapshot-file';
import type { CreateRoomResponse } from '../../shared/http';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { FacilitatorView } from '../../shared/views';
import { connect, connectFacilitator, connectMember, createRoom, type Participant } from '../helpers/clients';
import { ManualClock } from '../helpers/manual-clock';
import { eventually, type ServerProcess, startServerProcess } from '../helpers/server-process';

const dirs: string[] = [];
const processes: ServerProcess[] = [];
const sockets: Participant[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const p of processes.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'circlekeeper-data-'));
  dirs.push(dir);
  return dir;
}

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const p = await startServerProcess(env);
  processes.push(p);
  return p;
}

async function snapshotOf(dir: string, code: string): Promise<RoomSnapshot | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'rooms', `${code}.json`), 'utf8')) as RoomSnapshot;
  } catch {
    return undefined;
  }
}

/** What must survive a restart: the room as people see it, less who is online right now. */
function lasting(view: FacilitatorView) {
  const { serverNow: _n, version: _v, members, stats, ...rest } = view;
  return {
    ...rest,
    members: members.map(({ online: _o, ...m }) => m),
    stats: Object.fromEntries(Object.entries(stats).map(([id, { spokenMs: _s, ...s }]) => [id, s])),
  };
}

describe('snapshots of the embedded store (DATA_DIR), through real processes', () => {
  it('restores every room and its version after SIGKILL', async () => {
    const dir = await dataDir();
    const first = await start({ DATA_DIR: dir, SNAPSHOT_DEBOUNCE_MS: '100' });
    const rooms: CreateRoomResponse[] = [];
    for (let i = 0; i < 3; i++) rooms.push(await createRoom(first.url, { title: `Circle ${i}` }));
    const [room] = rooms as [CreateRoomResponse];
    const fac = await connectFacilitator(first.url, room);
    const ana = await connectMember(first.url, room, 'Ana');
    const ben = await connectMember(first.url, room, 'Ben');
    sockets.push(fac, ana, ben);
    await fac.waitFor((v) => v.members.filter((m) => m.online).length === 2, 'two online');
    await fac.send({ type: 'round.start', kind: 'check-in', prompt: 'How are you arriving?' });
    await ana.send({ type: 'turn.done' });
    await ana.send({ type: 'hand.raise' });
    const last = await ben.send({ type: 'signal.send', kind: 'need-a-moment' });
    if (!last.ok) throw new Error('the last command was refused');
    const before = await fac.waitFor((v) => v.version === last.version, 'the last change');

    // Wait until every room is on disk and the snapshot holds the last acknowledged version (files
    // are written independently), then kill without warning.
    await eventually(async () => {
      const others = await Promise.all(rooms.map((r) => snapshotOf(dir, r.code)));
      const mine = await snapshotOf(dir, room.code);
      return others.every(Boolean) && mine?.state.version === last.version ? true : undefined;
    }, 'the snapshots');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await start({ DATA_DIR: dir });
    for (const r of rooms) {
      const info = await fetch(`${second.url}/api/rooms/${r.code}`);
      expect(info.status).toBe(200);
      expect(await info.json()).toMatchObject({ code: r.code, title: `Circle ${rooms.indexOf(r)}` });
    }
    // The facilitator's key still opens the room: same rounds, hands, signals, stats; everyone offline,
    // in one version step (nobody is connected to a process that just started).
    const fac2 = await connectFacilitator(second.url, room);
    sockets.push(fac2);
    const after = fac2.latest();
    expect(after.version).toBe(last.version + 1);
    expect(after.members.every((m) => !m.online)).toBe(true);
    expect(lasting(after)).toEqual(lasting(before));
    // Ana comes back with her token, as the same member.
    const ana2 = await connect(second.url, { code: room.code, memberToken: ana.welcome.memberToken });
    sockets.push(ana2);
    expect(ana2.welcome.memberId).toBe(ana.welcome.memberId);
    const online = await fac2.waitFor(
      (v) => v.members.some((m) => m.name === 'Ana' && m.online),
      'Ana online',
    );
    expect(online.version).toBe(last.version + 2);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);

  it('drains on SIGTERM: exits 0 and keeps every acknowledged command, even before the debounce', async () => {
    const dir = await dataDir();
    // A debounce far longer than the test: only the shutdown flush can have saved anything.
    const first = await start({ DATA_DIR: dir, SNAPSHOT_DEBOUNCE_MS: '60000' });
    const room = await createRoom(first.url);
    const fac = await connectFacilitator(first.url, room);
    const ana = await connectMember(first.url, room, 'Ana');
    sockets.push(fac, ana);
    await fac.waitFor((v) => v.members.some((m) => m.online), 'Ana online');
    // Twenty signals in flight; SIGTERM as soon as the first is acknowledged.
    const sent = Array.from({ length: 20 }, (_, i) =>
      ana.socket
        .timeout(5_000)
        .emitWithAck('command', { type: 'signal.send', kind: i % 2 ? 'slow-down' : 'need-a-moment' })
        .catch(() => null),
    );
    await sent[0];
    first.child.kill('SIGTERM');
    const results = await Promise.all(sent);
    expect(await first.exited).toBe(0);
    const acknowledged = results.filter((r) => r?.ok).length;
    expect(acknowledged).toBeGreaterThan(0);

    const second = await start({ DATA_DIR: dir });
    const fac2 = await connectFacilitator(second.url, room);
    sockets.push(fac2);
    const restored = fac2.latest();
    expect(restored.signals.length).toBeGreaterThanOrEqual(acknowledged);
    const lastAck = Math.max(...results.flatMap((r) => (r?.ok ? [r.version] : [])));
    expect(restored.version).toBeGreaterThanOrEqual(lastAck);
    // The drain disconnected Ana before exiting, so she was saved offline: no restart step needed.
    expect(restored.members.every((m) => !m.online)).toBe(true);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);
});

describe('the durable store leaves nothing behind', () => {
  const log = createLogger('silent');
  const TTL = 60_000;

  function room(code: string, names: string[]): RoomState {
    const state = createRoomState({
      code,
      title: 'Private circle',
      settings: DEFAULT_SETTINGS,
      agenda: [],
      facilitatorKeyHash: 'secret-key-hash',
      displayKeyHash: 'display-key-hash',
      now: 0,
    });
    return {
      ...state,
      members: names.map((name, i) => ({
        id: `m${i}`,
        name,
        role: 'member' as const,
        status: 'active' as const,
        online: false,
        handRaisedAt: null,
        tokenHash: `token-hash-${i}`,
        joinedAt: 0,
      })),
      order: names.map((_, i) => `m${i}`),
    };
  }

  async function open(dir: string, clock: ManualClock) {
    return DurableMemoryRoomStore.open({ dataDir: dir, clock, ttlMs: TTL, debounceMs: 10_000, log });
  }

  it('writes atomically: one file per room, private, no temporary file left', async () => {
    const dir = await dataDir();
    const store = await open(dir, new ManualClock());
    await store.create(room('ABCDEF', ['Zelda']));
    await store.create(room('GHJKMN', ['Yusuf']));
    await store.flush();
    const files = await readdir(join(dir, 'rooms'));
    expect(files.sort()).toEqual(['ABCDEF.json', 'GHJKMN.json']);
    const { statSync } = await import('node:fs');
    expect(statSync(join(dir, 'rooms', 'ABCDEF.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'rooms')).mode & 0o777).toBe(0o700);
    await store.close();
  });

  it('removes the file of a room that expires, is deleted, or ended and outlived its tombstone', async () => {
    const dir = await dataDir();
    const clock = new ManualClock();
    const store = await open(dir, clock);
    await store.create(room('ABCDEF', ['Zelda']));
    await store.create(room('GHJKMN', ['Yusuf']));
    await store.create(room('PQRSTU', ['Xavier']));
    await store.flush();
    // Ended: the tombstone replaces the room on disk at once (no name), with its own TTL.
    await store.update('PQRSTU', (s) => ({ state: endedRoom(s, clock.now()), value: null, ttlMs: 5 * TTL }));
    await store.delete('GHJKMN');
    await store.flush();
    const tomb = await readFile(join(dir, 'rooms', 'PQRSTU.json'), 'utf8');
    expect(tomb).not.toMatch(/Xavier|hash/);
    expect(existsSync(join(dir, 'rooms', 'GHJKMN.json'))).toBe(false);

    clock.advance(TTL + 1);
    expect(await store.count()).toBe(1); // only the tombstone is left
    await store.flush();
    expect(await readdir(join(dir, 'rooms'))).toEqual(['PQRSTU.json']);
    clock.advance(5 * TTL);
    expect(await store.count()).toBe(0);
    await store.flush();
    expect(await readdir(join(dir, 'rooms'))).toEqual([]);
    await store.close();
  });

  it('drops expired snapshots when it starts, and removes half-written temporary files', async () => {
    const dir = await dataDir();
    const clock = new ManualClock();
    const store = await open(dir, clock);
    await store.create(room('ABCDEF', ['Zelda']));
    await store.close();
    await writeFile(join(dir, 'rooms', 'ABCDEF.json.123.tmp'), '{"half":');
    clock.advance(TTL + 1);
    const reopened = await open(dir, clock);
    expect(await reopened.get('ABCDEF')).toBeNull();
    expect(await readdir(join(dir, 'rooms'))).toEqual([]);
    await reopened.close();
  });
});
