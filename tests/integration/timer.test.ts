import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import { remainingMs } from '../../shared/timer';
import type { FacilitatorView, RoomView } from '../../shared/views';
import { connectFacilitator, connectMember, createRoom, type Participant } from '../helpers/clients';
import { ManualClock } from '../helpers/manual-clock';
import { startServer, type TestServer } from '../helpers/server';

describe('speaker timer arithmetic through a real server (manual server clock)', () => {
  const clock = new ManualClock();
  const T0 = clock.now();
  let server: TestServer;
  let room: CreateRoomResponse;
  let fac: Participant<FacilitatorView>;
  let ana: Participant<RoomView>;

  beforeAll(async () => {
    server = await startServer({ clock });
    room = await createRoom(server.url, {
      title: 'Timer room',
      settings: { turnSeconds: 90, autoStartTimer: false },
    });
    fac = await connectFacilitator(server.url, room);
    ana = await connectMember(server.url, room, 'Ana');
  });
  afterAll(async () => {
    fac?.close();
    ana?.close();
    await server?.close();
  });

  const timerOf = async (version: number) => (await ana.waitFor((v) => v.version >= version)).timer;
  const versionOf = (r: Awaited<ReturnType<typeof fac.send>>) => {
    if (!r.ok) throw new Error(r.error.code);
    return r.version;
  };

  it('answers no_timer before any timer exists', async () => {
    for (const type of ['timer.pause', 'timer.resume', 'timer.reset'] as const) {
      expect(await fac.send({ type })).toMatchObject({ ok: false, error: { code: 'no_timer' } });
    }
    expect(await fac.send({ type: 'timer.add', seconds: 30 })).toMatchObject({
      ok: false,
      error: { code: 'no_timer' },
    });
  });

  it('gives the piece with a ready (not running) timer when autoStartTimer is off', async () => {
    const v = versionOf(await fac.send({ type: 'piece.give', memberId: ana.welcome.memberId! }));
    expect(await timerOf(v)).toEqual({ durationMs: 90_000, startedAt: null, elapsedMs: 0 });
  });

  it('starts, pauses, adds, resumes and resets with exact arithmetic', async () => {
    let v = versionOf(await fac.send({ type: 'timer.start', seconds: 60 }));
    expect(await timerOf(v)).toEqual({ durationMs: 60_000, startedAt: T0, elapsedMs: 0 });

    clock.advance(10_000);
    v = versionOf(await fac.send({ type: 'timer.pause' }));
    const paused = await timerOf(v);
    expect(paused).toEqual({ durationMs: 60_000, startedAt: null, elapsedMs: 10_000 });
    expect(remainingMs(paused!, clock.now() + 999_999)).toBe(50_000);

    const again = await fac.send({ type: 'timer.pause' });
    expect(again).toEqual({ ok: true, version: v });

    v = versionOf(await fac.send({ type: 'timer.add', seconds: 30 }));
    expect(await timerOf(v)).toEqual({ durationMs: 90_000, startedAt: null, elapsedMs: 10_000 });

    clock.advance(5_000);
    v = versionOf(await fac.send({ type: 'timer.resume' }));
    const resumed = await timerOf(v);
    expect(resumed).toEqual({ durationMs: 90_000, startedAt: T0 + 15_000, elapsedMs: 10_000 });
    expect(remainingMs(resumed!, T0 + 15_000 + 100_000)).toBe(-20_000);

    v = versionOf(await fac.send({ type: 'timer.add', seconds: -3600 }));
    expect((await timerOf(v))?.durationMs).toBe(0);

    v = versionOf(await fac.send({ type: 'timer.reset' }));
    expect(await timerOf(v)).toEqual({ durationMs: 0, startedAt: null, elapsedMs: 0 });
  });

  it('refuses out-of-range timer commands as invalid_command', async () => {
    const before = ana.latest().version;
    for (const command of [
      { type: 'timer.start', seconds: 0 },
      { type: 'timer.start', seconds: 7201 },
      { type: 'timer.add', seconds: 3601 },
      { type: 'timer.add', seconds: 1.5 },
      { type: 'timer.add' },
    ]) {
      // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed input
      const result = await fac.send(command as any);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_command' } });
    }
    expect(fac.latest().version).toBe(before);
  });
});
