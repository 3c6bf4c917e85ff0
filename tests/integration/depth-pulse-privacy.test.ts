import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { MemoryPresence } from '../../server/presence/memory-presence';
import { MemoryRoomStore } from '../../server/store/memory-room-store';
import type { CreateRoomResponse } from '../../shared/http';
import type { FacilitatorView, RoomView } from '../../shared/views';
import { connectFacilitator, connectMember, createRoom, type Participant } from '../helpers/clients';
import { ManualClock } from '../helpers/manual-clock';
import { startServer, type TestServer } from '../helpers/server';

/** Everything the server logs, at the finest level, one JSON line per entry. */
class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

describe('anonymous pulse: no answer can be traced to a member', () => {
  let server: TestServer;
  let store: MemoryRoomStore;
  const logs = new LogCapture();
  let room: CreateRoomResponse;
  let fac: Participant<FacilitatorView>;
  const members: Participant<RoomView>[] = [];

  beforeAll(async () => {
    const clock = new ManualClock();
    store = new MemoryRoomStore(clock, 3_600_000);
    server = await startServer({
      clock,
      backends: { store, presence: new MemoryPresence() },
      logger: createLogger('trace', logs),
    });
    room = await createRoom(server.url);
    fac = await connectFacilitator(server.url, room);
    for (const name of ['Ana', 'Ben', 'Cleo', 'Dov', 'Eve'])
      members.push(await connectMember(server.url, room, name));
    await fac.waitFor((v) => v.members.filter((m) => m.online).length === 5);
  });
  afterAll(async () => {
    for (const p of [fac, ...members]) p?.close();
    await server?.close();
  });

  it('stores a count per value and, apart and sorted, who answered; nothing else changes', async () => {
    await fac.send({ type: 'pulse.open', question: 'How supported do you feel?' });
    await fac.waitFor((v) => v.pulse?.open === true);
    const before = structuredClone(await store.get(room.code));
    // Answer in the reverse order of member ids, each a different value where possible.
    const answering = [...members].sort((x, y) => (x.welcome.memberId! < y.welcome.memberId! ? 1 : -1));
    const values = [5, 1, 4, 2, 5];
    for (const [i, p] of answering.entries()) {
      expect(await p.send({ type: 'pulse.answer', value: values[i]! })).toMatchObject({ ok: true });
    }
    expect(await answering[0]!.send({ type: 'pulse.answer', value: 3 })).toMatchObject({
      error: { code: 'already_answered' },
    });
    const after = (await store.get(room.code))!;
    const ids = members.map((p) => p.welcome.memberId!);

    // The only difference the answers made: the version, the histogram and the sorted set.
    expect({ ...after, version: 0, pulse: { ...after.pulse!, counts: null, answered: null } }).toEqual({
      ...before!,
      version: 0,
      pulse: { ...before!.pulse!, counts: null, answered: null },
    });
    expect(after.pulse!.counts).toEqual([1, 1, 0, 1, 2]);
    expect(after.pulse!.answered).toEqual([...ids].sort());
    // The facilitators see a count while it is open, never a value next to a name.
    const open = await fac.waitFor((v) => v.pulse?.answered === 5);
    expect(open.pulse).toEqual({
      id: expect.any(String),
      question: 'How supported do you feel?',
      open: true,
      answered: 5,
      results: null,
    });

    await fac.send({ type: 'pulse.close' });
    const closed = await fac.waitFor((v) => v.pulse?.open === false);
    expect(closed.pulse?.results).toEqual([1, 1, 0, 1, 2]);
    // Members were told the question only.
    for (const p of members) {
      for (const view of p.states) expect(JSON.stringify(view)).not.toMatch(/"results"|"answered"|"counts"/);
    }
  });

  it('never logs an answer, nor a member id, and keeps member ids out of the metrics', async () => {
    const ids = members.map((p) => p.welcome.memberId!);
    expect(logs.lines.length).toBeGreaterThan(0);
    for (const line of logs.lines) {
      for (const id of ids) expect(line).not.toContain(id);
      expect(line).not.toMatch(/"value"\s*:/);
      expect(line).not.toContain('How supported');
    }
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    for (const id of ids) expect(metrics).not.toContain(id);
  });
});
