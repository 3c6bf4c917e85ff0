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

describe('private signals and per-role views', () => {
  let server: TestServer;
  let room: CreateRoomResponse;
  let fac: Participant<FacilitatorView>;
  let display: Participant<RoomView>;
  let ana: Participant<RoomView>;
  let ben: Participant<RoomView>;
  let cleo: Participant<RoomView>;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url);
    fac = await connectFacilitator(server.url, room);
    display = await connectDisplay(server.url, room);
    ana = await connectMember(server.url, room, 'Ana');
    ben = await connectMember(server.url, room, 'Ben');
    cleo = await connectMember(server.url, room, 'Cleo');
    await display.waitFor((v) => v.members.filter((m) => m.online).length === 3);
  });
  afterAll(async () => {
    for (const p of [fac, display, ana, ben, cleo]) p?.close();
    await server?.close();
  });

  it('delivers a signal to facilitators only: members and the display receive nothing at all', async () => {
    const seen = { display: display.states.length, ana: ana.states.length, ben: ben.states.length };
    const sent = await ben.send({ type: 'signal.send', kind: 'need-a-moment' });
    expect(sent.ok).toBe(true);
    const got = await fac.waitFor((v) => v.signals.length === 1);
    expect(got.signals[0]).toEqual({
      id: expect.any(String),
      memberId: ben.welcome.memberId,
      kind: 'need-a-moment',
      at: expect.any(Number),
    });
    // A later public change reaches everyone; the signal itself produced no message for them.
    await fac.send({ type: 'room.update', title: 'Renamed' });
    await display.waitFor((v) => v.title === 'Renamed');
    await ana.waitFor((v) => v.title === 'Renamed');
    await ben.waitFor((v) => v.title === 'Renamed');
    expect(display.states.length).toBe(seen.display + 1);
    expect(ana.states.length).toBe(seen.ana + 1);
    expect(ben.states.length).toBe(seen.ben + 1);
    for (const view of [display.latest(), ana.latest(), ben.latest()])
      expect(JSON.stringify(view)).not.toContain('need-a-moment');

    const dismissed = await fac.send({ type: 'signal.dismiss', signalId: got.signals[0]!.id });
    expect(dismissed.ok).toBe(true);
    await fac.waitFor((v) => v.signals.length === 0);
    expect(await fac.send({ type: 'signal.send', kind: 'slow-down' })).toMatchObject({
      error: { code: 'forbidden' },
    });
  });

  it('refuses every command from the display', async () => {
    for (const command of [{ type: 'timer.start' }, { type: 'hand.raise' }, { type: 'round.end' }] as const) {
      expect(await display.send(command)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses facilitator commands from members', async () => {
    for (const command of [
      { type: 'round.start', kind: 'check-in' },
      { type: 'piece.release' },
      { type: 'room.update', locked: true },
    ] as const) {
      expect(await ana.send(command)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('moves the round on when the speaker is removed, and skips members who went offline', async () => {
    const [a, b, c] = [ana.welcome.memberId!, ben.welcome.memberId!, cleo.welcome.memberId!];
    await fac.send({
      type: 'round.start',
      kind: 'go-around',
      prompt: 'One word for today',
      revisitPassed: true,
    });
    await ana.waitFor((v) => v.speaker?.memberId === a && v.round?.prompt === 'One word for today');
    cleo.close();
    await fac.waitFor((v) => v.members.find((m) => m.id === c)?.online === false);
    await fac.send({ type: 'member.remove', memberId: a });
    const afterRemoval = await ben.waitFor(
      (v) => v.speaker?.memberId === b,
      'Ben next after Ana was removed',
    );
    expect(afterRemoval.round?.order).not.toContain(a);
    expect(await ben.send({ type: 'turn.pass' })).toMatchObject({ ok: true });
    // Cleo is offline: absent. Ben passed: with revisitPassed he gets one more chance.
    const revisit = await ben.waitFor(
      (v) => v.round?.outcomes[c] === 'absent' && v.speaker?.memberId === b,
      'the revisit',
    );
    expect(revisit.round?.order).toEqual([b, c, b]);
    expect(await ben.send({ type: 'turn.done' })).toMatchObject({ ok: true });
    const ended = await display.waitFor((v) => v.round?.endedAt != null);
    expect(ended.round?.outcomes).toEqual({ [b]: 'spoke', [c]: 'absent' });
  });
});
