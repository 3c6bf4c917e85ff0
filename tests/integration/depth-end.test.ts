import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryPresence } from '../../server/presence/memory-presence';
import { MemoryRoomStore } from '../../server/store/memory-room-store';
import type { CreateRoomResponse } from '../../shared/http';
import type { Summary } from '../../shared/summary';
import type { FacilitatorView, StateView } from '../../shared/views';
import {
  connectDisplay,
  connectFacilitator,
  connectMember,
  createRoom,
  httpCommand,
  type Participant,
  refusal,
} from '../helpers/clients';
import { ManualClock } from '../helpers/manual-clock';
import { startServer, type TestServer } from '../helpers/server';

describe('room.end: a summary for facilitators, then everyone leaves and every name is forgotten', () => {
  let server: TestServer;
  let clock: ManualClock;
  let store: MemoryRoomStore;
  let room: CreateRoomResponse;
  const everyone: Participant<StateView>[] = [];
  const summaries = new Map<string, Summary[]>();
  const removals = new Map<string, unknown[]>();
  const disconnects = new Map<string, Promise<string>>();
  const track = <V extends StateView>(name: string, p: Participant<V>) => {
    everyone.push(p as unknown as Participant<StateView>);
    summaries.set(name, []);
    removals.set(name, []);
    p.socket.on('summary', (s) => summaries.get(name)!.push(s));
    p.socket.on('removed', (r) => removals.get(name)!.push(r));
    disconnects.set(name, new Promise((resolve) => p.socket.once('disconnect', resolve)));
    return p;
  };

  beforeAll(async () => {
    clock = new ManualClock();
    store = new MemoryRoomStore(clock, 12 * 3_600_000);
    server = await startServer({ clock, backends: { store, presence: new MemoryPresence() } });
    room = await createRoom(server.url, { title: 'Closing circle', settings: { admission: 'approve' } });
  });
  afterAll(async () => {
    for (const p of everyone) p.close();
    await server?.close();
  });

  it('sends the summary to facilitators and co-facilitators only, then removes and disconnects every socket', async () => {
    const fac = track('fac', await connectFacilitator(server.url, room));
    track('display', await connectDisplay(server.url, room));
    const ana = track('ana', await connectMember(server.url, room, 'Ana'));
    const ben = track('ben', await connectMember(server.url, room, 'Ben'));
    track('wes', await connectMember(server.url, room, 'Wes'));
    for (const p of [ana, ben]) await fac.send({ type: 'member.admit', memberId: p.welcome.memberId! });
    await fac.send({ type: 'member.role', memberId: ben.welcome.memberId!, role: 'cofacilitator' });
    await ben.waitFor((v) => 'stats' in v);
    await fac.send({ type: 'round.start', kind: 'check-in' });
    clock.advance(45_000);
    await fac.send({ type: 'round.next' });
    clock.advance(15_000);
    await fac.send({ type: 'pulse.open' });
    for (const p of [ana, ben]) await p.send({ type: 'pulse.answer', value: 4 });

    const ended = await (fac as Participant<FacilitatorView>).send({ type: 'room.end' });
    expect(ended).toMatchObject({ ok: true });
    for (const name of ['fac', 'display', 'ana', 'ben', 'wes']) await disconnects.get(name);

    const summary: Summary = {
      title: 'Closing circle',
      startedAt: expect.any(Number),
      endedAt: clock.now(),
      rounds: 1,
      members: [
        { name: 'Ana', spokenMs: 45_000, turns: 1, passes: 0 },
        { name: 'Ben', spokenMs: 15_000, turns: 1, passes: 0 },
      ],
      // Two answers: too few for results.
      pulses: [{ question: 'How supported do you feel today?', answered: 2, results: null }],
    };
    expect(summaries.get('fac')).toEqual([summary]);
    expect(summaries.get('ben')).toEqual([summary]);
    for (const name of ['display', 'ana', 'wes']) expect(summaries.get(name)).toEqual([]);
    for (const name of ['fac', 'display', 'ana', 'ben', 'wes'])
      expect(removals.get(name)).toEqual([{ reason: 'ended' }]);
  });

  it('keeps only a tombstone: no name, key, token or statistic, for an hour', async () => {
    const stored = (await store.get(room.code))!;
    expect(stored).toMatchObject({ code: room.code, status: 'ended', endedAt: clock.now() });
    expect(JSON.stringify(stored)).not.toMatch(/Ana|Ben|Wes|Closing circle|How supported/);
    expect(stored).toMatchObject({
      members: [],
      stats: {},
      facilitatorKeyHash: '',
      displayKeyHash: '',
      revokedTokenHashes: [],
    });
    clock.advance(59 * 60_000);
    expect(await store.get(room.code)).not.toBeNull();
    clock.advance(2 * 60_000);
    expect(await store.get(room.code)).toBeNull();
  });

  it('answers room_ended on every door while the tombstone lasts', async () => {
    const again = await createRoom(server.url, { title: 'Short circle' });
    const fac = await connectFacilitator(server.url, again);
    const ana = await connectMember(server.url, again, 'Ana');
    everyone.push(fac as unknown as Participant<StateView>, ana as unknown as Participant<StateView>);
    expect(
      await httpCommand(server.url, again.code, again.facilitatorKey, { type: 'room.end' }),
    ).toMatchObject({
      status: 200,
      body: { ok: true },
    });
    const info = await fetch(`${server.url}/api/rooms/${again.code}`);
    expect([info.status, await info.json()]).toEqual([200, { code: again.code, status: 'ended' }]);
    expect(await refusal(server.url, { code: again.code, name: 'Newcomer' })).toBe('room_ended');
    expect(await refusal(server.url, { code: again.code, facilitatorKey: again.facilitatorKey })).toBe(
      'room_ended',
    );
    expect(await refusal(server.url, { code: again.code, displayKey: again.displayKey })).toBe('room_ended');
    expect(await refusal(server.url, { code: again.code, memberToken: ana.welcome.memberToken })).toBe(
      'room_ended',
    );
    const command = await httpCommand(server.url, again.code, again.facilitatorKey, { type: 'round.end' });
    expect(command).toEqual({
      status: 410,
      body: { error: { code: 'room_ended', message: expect.any(String) } },
    });
  });
});
