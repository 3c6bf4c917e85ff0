import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import type { LobbyView } from '../../shared/lobby';
import type { FacilitatorView, RoomView } from '../../shared/views';
import {
  connect,
  connectDisplay,
  connectFacilitator,
  createRoom,
  type Participant,
  refusal,
} from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

const AGREEMENTS = ['What is said here stays here', 'One voice at a time', 'Everyone may pass'];

/** The next payload of a server event on this socket. */
function next<T>(p: Participant<never> | Participant, event: string): Promise<T> {
  return new Promise((resolve) =>
    (p.socket as unknown as { once: (e: string, f: (x: T) => void) => void }).once(event, resolve),
  );
}

describe('admission: agreements, the waiting room and co-facilitators, through real sockets', () => {
  let server: TestServer;
  let room: CreateRoomResponse;
  let fac: Participant<FacilitatorView>;
  const open: { close(): void }[] = [];
  const arrive = async (name: string) => {
    const p = await connect<LobbyView | RoomView>(server.url, { code: room.code, name });
    open.push(p);
    return p;
  };

  beforeEach(async () => {
    server = await startServer();
    room = await createRoom(server.url, {
      title: 'Thursday circle',
      agreements: AGREEMENTS,
      disclaimer: 'A peer group, not therapy.',
      resources: [{ label: 'Crisis line', contact: '988' }],
      settings: { admission: 'approve' },
    });
    fac = await connectFacilitator(server.url, room);
    open.push(fac);
  });
  afterEach(async () => {
    for (const p of open.splice(0)) p.close();
    await server.close();
  });

  it('walks a member from the agreements through the waiting room into the circle', async () => {
    const ana = await arrive('Ana');
    const id = ana.welcome.memberId!;
    expect(ana.welcome).toMatchObject({ role: 'member', status: 'consent' });
    expect(ana.latest()).toEqual({
      version: expect.any(Number),
      serverNow: expect.any(Number),
      code: room.code,
      title: 'Thursday circle',
      status: 'consent',
      agreements: AGREEMENTS,
      disclaimer: 'A peer group, not therapy.',
      resources: [{ label: 'Crisis line', contact: '988' }],
    });
    // The facilitator sees her at the agreements; nobody else does.
    await fac.waitFor((v) => v.members.some((m) => m.id === id && m.status === 'consent' && m.online));
    expect(await ana.send({ type: 'hand.raise' })).toMatchObject({
      ok: false,
      error: { code: 'not_admitted' },
    });
    expect(await fac.send({ type: 'member.admit', memberId: id })).toEqual({
      ok: true,
      version: fac.latest().version,
    });

    const waiting = next<{ status: string }>(ana, 'status');
    expect(await ana.send({ type: 'consent.accept' })).toMatchObject({ ok: true });
    expect(await waiting).toEqual({ status: 'waiting' });
    await ana.waitFor((v) => 'status' in v && v.status === 'waiting', 'the waiting lobby');
    await fac.waitFor((v) => v.members.some((m) => m.id === id && m.status === 'waiting'));

    const admitted = next<{ status: string }>(ana, 'status');
    expect(await fac.send({ type: 'member.admit', memberId: id })).toMatchObject({ ok: true });
    expect(await admitted).toEqual({ status: 'active' });
    const inside = (await ana.waitFor((v) => 'members' in v, 'the member view')) as RoomView;
    expect(inside.members.map((m) => m.name)).toEqual(['Ana']);
    expect(inside.order).toEqual([id]);
    // She now follows the members' broadcast and may act.
    expect(await ana.send({ type: 'hand.raise' })).toMatchObject({ ok: true });
    await ana.waitFor((v) => 'hands' in v && v.hands.includes(id), 'her raised hand');
    expect(await fac.send({ type: 'member.admit', memberId: id })).toMatchObject({
      error: { code: 'not_waiting' },
    });
  });

  it('keeps the circle from members outside it, and re-sends their lobby when the texts change', async () => {
    const display = await connectDisplay(server.url, room);
    open.push(display);
    const ana = await arrive('Ana');
    await ana.send({ type: 'consent.accept' });
    await fac.send({ type: 'member.admit', memberId: ana.welcome.memberId! });
    await ana.waitFor((v) => 'members' in v);
    const ben = await arrive('Ben');
    const lobbyStates = ben.states.length;
    // A change in the circle reaches neither the lobby nor, about Ben, the display.
    await fac.send({ type: 'piece.give', memberId: ana.welcome.memberId! });
    await ana.waitFor((v) => 'speaker' in v && v.speaker !== null);
    await fac.send({ type: 'room.update', agreements: [...AGREEMENTS, 'Phones on silent'] });
    const relobbied = await ben.waitFor((v) => v.agreements.length === 4, 'the new agreements in the lobby');
    expect(relobbied).toMatchObject({ status: 'consent' });
    expect(ben.states.length).toBe(lobbyStates + 1);
    for (const view of ben.states) expect(JSON.stringify(view)).not.toContain('Ana');
    await display.waitFor((v) => v.agreements.length === 4);
    for (const view of display.states) expect(JSON.stringify(view)).not.toContain('Ben');
  });

  it('declines a member at the door: told why, disconnected, and refused on return', async () => {
    const ana = await arrive('Ana');
    const removed = next<{ reason: string }>(ana, 'removed');
    const gone = next<string>(ana, 'disconnect');
    expect(await fac.send({ type: 'member.decline', memberId: ana.welcome.memberId! })).toMatchObject({
      ok: true,
    });
    expect(await removed).toEqual({ reason: 'declined' });
    await gone;
    expect(await refusal(server.url, { code: room.code, memberToken: ana.welcome.memberToken })).toBe(
      'removed',
    );
    expect(fac.latest().members).toEqual([]);
  });

  it('admits everyone waiting when admission turns open', async () => {
    const [ana, ben] = [await arrive('Ana'), await arrive('Ben')];
    for (const p of [ana, ben]) await p.send({ type: 'consent.accept' });
    await fac.waitFor((v) => v.members.filter((m) => m.status === 'waiting').length === 2);
    const told = [next(ana, 'status'), next(ben, 'status')];
    await fac.send({ type: 'room.update', admission: 'open' });
    expect(await Promise.all(told)).toEqual([{ status: 'active' }, { status: 'active' }]);
    const seen = (await ben.waitFor((v) => 'members' in v && v.members.length === 2)) as RoomView;
    expect(seen.members.map((m) => m.name)).toEqual(['Ana', 'Ben']);
  });

  it('makes a member co-facilitator: role event, the facilitator view, facilitator commands; and back', async () => {
    await fac.send({ type: 'room.update', agreements: [], admission: 'open' });
    const cleo = await connect<RoomView | FacilitatorView>(server.url, { code: room.code, name: 'Cleo' });
    open.push(cleo);
    const id = cleo.welcome.memberId!;
    expect(await cleo.send({ type: 'piece.release' })).toMatchObject({ error: { code: 'forbidden' } });
    const role = next<{ role: string }>(cleo, 'role');
    expect(await fac.send({ type: 'member.role', memberId: id, role: 'cofacilitator' })).toMatchObject({
      ok: true,
    });
    expect(await role).toEqual({ role: 'cofacilitator' });
    await cleo.waitFor((v) => 'stats' in v, 'the facilitator view');
    expect(await cleo.send({ type: 'round.start', kind: 'check-in' })).toMatchObject({ ok: true });
    // Broadcasts to facilitators now reach her: a signal from Dan.
    const dan = await connect<RoomView>(server.url, { code: room.code, name: 'Dan' });
    open.push(dan);
    await dan.send({ type: 'signal.send', kind: 'need-a-moment' });
    await cleo.waitFor((v) => 'signals' in v && v.signals.length === 1, 'the signal');

    // Returning, her welcome says what she is.
    const again = await connect(server.url, { code: room.code, memberToken: cleo.welcome.memberToken });
    open.push(again);
    expect(again.welcome).toMatchObject({ role: 'cofacilitator', memberId: id, status: 'active' });
    expect('stats' in again.latest()).toBe(true);

    const back = next<{ role: string }>(cleo, 'role');
    await fac.send({ type: 'member.role', memberId: id, role: 'member' });
    expect(await back).toEqual({ role: 'member' });
    const plain = await cleo.waitFor(
      (v) => !('stats' in v) && v.members.find((m) => m.id === id)?.role === 'member',
    );
    expect(plain).not.toHaveProperty('signals');
    const states = cleo.states.length;
    await dan.send({ type: 'signal.send', kind: 'slow-down' });
    await fac.waitFor((v) => v.signals.length === 2);
    await fac.send({ type: 'room.update', title: 'Probe' });
    await cleo.waitFor((v) => v.title === 'Probe');
    // The second signal reached facilitators only: her next state was the title change.
    expect(cleo.states.length).toBe(states + 1);
  });
});
