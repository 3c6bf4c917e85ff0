import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import type { DisplayView, FacilitatorView, RoomView } from '../../shared/views';
import {
  connectDisplay,
  connectFacilitator,
  connectMember,
  createRoom,
  type Participant,
} from '../helpers/clients';
import { ManualClock } from '../helpers/manual-clock';
import { startServer, type TestServer } from '../helpers/server';

describe('popcorn, nudges, the agenda and what the display never sees', () => {
  let server: TestServer;
  let clock: ManualClock;
  let room: CreateRoomResponse;
  let fac: Participant<FacilitatorView>;
  let display: Participant<DisplayView>;
  let ana: Participant<RoomView>;
  let ben: Participant<RoomView>;
  let cleo: Participant<RoomView>;
  /** Every event the display receives, whatever its name. */
  const displayEvents: [string, unknown][] = [];
  const nudges: Record<string, unknown[]> = { ana: [], ben: [], cleo: [] };

  beforeAll(async () => {
    clock = new ManualClock();
    server = await startServer({ clock });
    room = await createRoom(server.url, {
      title: 'Peer circle',
      agenda: [
        { kind: 'opening', minutes: 5 },
        { kind: 'discussion', minutes: 30 },
      ],
      agreements: ['Everyone may pass'],
      settings: { popcorn: true },
    });
    fac = await connectFacilitator(server.url, room);
    display = await connectDisplay<DisplayView>(server.url, room);
    display.socket.onAny((event, payload) => displayEvents.push([event, payload]));
    ana = await connectMember(server.url, room, 'Ana');
    ben = await connectMember(server.url, room, 'Ben');
    cleo = await connectMember(server.url, room, 'Cleo');
    for (const [name, p] of [
      ['ana', ana],
      ['ben', ben],
      ['cleo', cleo],
    ] as const) {
      p.socket.on('nudge', (n) => nudges[name]!.push(n));
      await p.send({ type: 'consent.accept' });
    }
    await display.waitFor((v) => v.members.filter((m) => m.online).length === 3);
  });
  afterAll(async () => {
    for (const p of [fac, display, ana, ben, cleo]) p?.close();
    await server?.close();
  });

  it('lets the holder hand the piece on in a round (popcorn), and the round goes on from the chosen member', async () => {
    const [a, b, c] = [ana, ben, cleo].map((p) => p.welcome.memberId!);
    await fac.send({ type: 'round.start', kind: 'go-around' });
    await ana.waitFor((v) => v.speaker?.memberId === a);
    expect(await ben.send({ type: 'turn.handTo', memberId: c! })).toMatchObject({
      error: { code: 'not_holder' },
    });
    clock.advance(20_000);
    expect(await ana.send({ type: 'turn.handTo', memberId: c! })).toMatchObject({ ok: true });
    const handed = await display.waitFor((v) => v.speaker?.memberId === c);
    expect(handed.round?.order).toEqual([a, c, b]);
    expect(handed.round?.outcomes).toEqual({ [a!]: 'spoke', [b!]: 'pending', [c!]: 'pending' });
    expect((await fac.waitFor((v) => v.speaker?.memberId === c)).stats[a!]).toMatchObject({
      spokenMs: 20_000,
      turns: 1,
    });
    await fac.send({ type: 'round.next', from: c });
    await display.waitFor((v) => v.speaker?.memberId === b);
  });

  it('sends a nudge to the holder’s phone only, stored nowhere', async () => {
    const b = ben.welcome.memberId!;
    const before = fac.latest().version;
    const sent = await fac.send({ type: 'nudge.send', kind: 'wrap-up' });
    expect(sent).toEqual({ ok: true, version: before });
    await expect.poll(() => nudges.ben!.length).toBe(1);
    expect(nudges.ben![0]).toEqual({ kind: 'wrap-up', at: clock.now() });
    expect(nudges.ana).toEqual([]);
    expect(nudges.cleo).toEqual([]);
    expect(fac.latest().speaker?.memberId).toBe(b);
    await fac.send({ type: 'round.end' });
    await fac.waitFor((v) => v.speaker === null);
    expect(await fac.send({ type: 'nudge.send', kind: 'time' })).toMatchObject({
      error: { code: 'no_speaker' },
    });
  });

  it('runs the agenda with its own segment timer, shown on every face; a stale from changes nothing', async () => {
    expect(await fac.send({ type: 'agenda.next', from: null })).toMatchObject({ ok: true });
    const started = await display.waitFor((v) => v.agenda?.index === 0);
    expect(started.agenda).toEqual({
      segments: [
        { kind: 'opening', title: 'Opening', plannedMs: 300_000 },
        { kind: 'discussion', title: 'Discussion', plannedMs: 1_800_000 },
      ],
      index: 0,
      timer: { durationMs: 300_000, startedAt: clock.now(), elapsedMs: 0 },
      startedAt: clock.now(),
    });
    expect(started.timer).toBeNull();
    const stale = await fac.send({ type: 'agenda.next', from: null });
    expect(stale).toEqual({ ok: true, version: (await fac.waitFor((v) => v.agenda?.index === 0)).version });
    clock.advance(60_000);
    await fac.send({ type: 'agenda.next', from: 0 });
    await ana.waitFor((v) => v.agenda?.index === 1 && v.agenda.timer?.startedAt === clock.now());
  });

  it('a signal, a pulse and its answers never reach the display; statistics are never in its views', async () => {
    await display.waitFor((v) => v.agenda?.index === 1);
    const seen = displayEvents.length;
    await cleo.send({ type: 'signal.send', kind: 'check-in-with-me' });
    await fac.send({ type: 'pulse.open', question: 'How are you feeling?' });
    for (const p of [ana, ben, cleo])
      expect(await p.send({ type: 'pulse.answer', value: 3 })).toMatchObject({ ok: true });
    await fac.send({ type: 'pulse.close' });
    await fac.waitFor((v) => v.pulse?.results !== null && v.pulse?.open === false);
    const given = await fac.send({ type: 'piece.give', memberId: ana.welcome.memberId! });
    if (!given.ok) throw new Error(`piece.give refused: ${given.error.code}`);
    await fac.send({ type: 'nudge.send', kind: 'breathe' });
    await expect.poll(() => nudges.ana!.length).toBe(1);
    // By version: the display held Ana as speaker once before (the first test's round).
    const shown = await display.waitFor((v) => v.version >= given.version);
    expect(shown.speaker?.memberId).toBe(ana.welcome.memberId);
    // Of all that, the display received exactly one message: the state where Ana holds the piece.
    expect(displayEvents.slice(seen).map(([event]) => event)).toEqual(['state']);
    for (const [event, payload] of displayEvents) {
      expect(['state']).toContain(event);
      const json = JSON.stringify(payload);
      for (const secret of [
        '"stats"',
        '"signals"',
        '"pulse"',
        'check-in-with-me',
        'How are you feeling',
        'breathe',
        'wrap-up',
        '"disclaimer"',
        '"resources"',
      ]) {
        expect(json).not.toContain(secret);
      }
    }
  });
});
