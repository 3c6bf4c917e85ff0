import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import type { FacilitatorView, RoomView } from '../../shared/views';
import {
  connectDisplay,
  connectFacilitator,
  connectMember,
  createRoom,
  type Participant,
} from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

describe('a whole check-in round through a real server', () => {
  let server: TestServer;
  let room: CreateRoomResponse;
  let fac: Participant<FacilitatorView>;
  let display: Participant<RoomView>;
  let ana: Participant<RoomView>;
  let ben: Participant<RoomView>;
  let cleo: Participant<RoomView>;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { title: 'Tuesday circle' });
    fac = await connectFacilitator(server.url, room);
    display = await connectDisplay(server.url, room);
    ana = await connectMember(server.url, room, 'Ana');
    ben = await connectMember(server.url, room, 'Ben');
    cleo = await connectMember(server.url, room, 'Cleo');
    await fac.waitFor((v) => v.members.filter((m) => m.online).length === 3, 'three members online');
  });
  afterAll(async () => {
    for (const p of [fac, display, ana, ben, cleo]) p?.close();
    await server?.close();
  });

  it('welcomes each role, in order, with its own view', () => {
    expect(fac.welcome.role).toBe('facilitator');
    expect(display.welcome.role).toBe('display');
    expect(ana.welcome).toMatchObject({
      role: 'member',
      memberId: expect.any(String),
      memberToken: expect.any(String),
    });
    expect(fac.latest().members.map((m) => m.name)).toEqual(['Ana', 'Ben', 'Cleo']);
    expect(fac.latest().order).toEqual([ana.welcome.memberId, ben.welcome.memberId, cleo.welcome.memberId]);
  });

  it('runs the round: Ana speaks, Ben passes, Cleo speaks, the round completes', async () => {
    const [a, b, c] = [ana.welcome.memberId!, ben.welcome.memberId!, cleo.welcome.memberId!];
    const start = await fac.send({ type: 'round.start', kind: 'check-in', prompt: 'How are you arriving?' });
    expect(start.ok).toBe(true);
    const started = await ana.waitFor((v) => v.speaker?.memberId === a, 'Ana holding the piece');
    expect(started.round).toMatchObject({
      kind: 'check-in',
      prompt: 'How are you arriving?',
      order: [a, b, c],
      index: 0,
    });
    expect(started.timer).toMatchObject({ durationMs: 120_000, elapsedMs: 0, startedAt: expect.any(Number) });
    await display.waitFor((v) => v.speaker?.memberId === a, 'the display showing Ana');

    expect(await ben.send({ type: 'turn.done' })).toMatchObject({ ok: false, error: { code: 'not_holder' } });
    expect(await ana.send({ type: 'turn.done' })).toMatchObject({ ok: true });
    await ben.waitFor((v) => v.speaker?.memberId === b, 'Ben holding the piece');
    expect(await ben.send({ type: 'turn.pass' })).toMatchObject({ ok: true });
    const cleosTurn = await cleo.waitFor((v) => v.speaker?.memberId === c, 'Cleo holding the piece');
    expect(cleosTurn.round?.outcomes).toEqual({ [a]: 'spoke', [b]: 'passed', [c]: 'pending' });

    const done = await cleo.send({ type: 'turn.done' });
    expect(done.ok).toBe(true);
    const ended = await fac.waitFor((v) => v.round?.endedAt != null, 'the round to complete');
    expect(ended.speaker).toBeNull();
    expect(ended.timer).toBeNull();
    expect(ended.round?.outcomes).toEqual({ [a]: 'spoke', [b]: 'passed', [c]: 'spoke' });
    expect(ended.stats[a]).toMatchObject({ turns: 1, passes: 0 });
    expect(ended.stats[b]).toMatchObject({ turns: 0, passes: 1 });
    if (done.ok) expect(ended.version).toBe(done.version);
    const shown = await display.waitFor((v) => v.version === ended.version, 'the display to catch up');
    expect(shown.round?.endedAt).toBe(ended.round?.endedAt);
  });

  it('gives every client strictly growing versions', () => {
    for (const p of [fac, display, ana, ben, cleo] as Participant[]) {
      const versions = p.states.map((s) => s.version);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
      expect(new Set(versions).size).toBe(versions.length);
    }
  });

  it('shows each role only what it may see', () => {
    const facView = fac.latest();
    expect(facView).toHaveProperty('stats');
    expect(facView).toHaveProperty('signals');
    for (const view of [display.latest(), ana.latest()]) {
      expect(view).not.toHaveProperty('stats');
      expect(view).not.toHaveProperty('signals');
    }
    for (const view of [facView, display.latest(), ana.latest()]) {
      const json = JSON.stringify(view);
      expect(json).not.toMatch(/hash/i);
      expect(json).not.toContain(room.facilitatorKey);
      expect(json).not.toContain(room.displayKey);
      expect(json).not.toContain(ana.welcome.memberToken);
    }
  });
});
