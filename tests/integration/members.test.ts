import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import type { FacilitatorView } from '../../shared/views';
import {
  connect,
  connectFacilitator,
  connectMember,
  createRoom,
  type Participant,
  refusal,
} from '../helpers/clients';
import { ManualClock } from '../helpers/manual-clock';
import { startServer, type TestServer } from '../helpers/server';

describe('members: joining, hands, reconnecting, locking and removal', () => {
  let server: TestServer;
  let clock: ManualClock;
  let room: CreateRoomResponse;
  let fac: Participant<FacilitatorView>;
  const open: Participant[] = [];
  const join = async (name: string) => {
    const p = await connectMember(server.url, room, name);
    open.push(p);
    return p;
  };

  beforeEach(async () => {
    clock = new ManualClock();
    server = await startServer({ clock });
    room = await createRoom(server.url);
    fac = await connectFacilitator(server.url, room);
    open.push(fac);
  });
  afterEach(async () => {
    for (const p of open.splice(0)) p.close();
    await server.close();
  });

  it('refuses bad handshakes with the contract codes', async () => {
    await join('Ana');
    expect(await refusal(server.url, { code: 'ZZZZZZ', name: 'Bo' })).toBe('room_not_found');
    expect(await refusal(server.url, { code: 'not a code', name: 'Bo' })).toBe('room_not_found');
    expect(await refusal(server.url, { code: room.code, facilitatorKey: 'x'.repeat(32) })).toBe(
      'bad_credentials',
    );
    expect(await refusal(server.url, { code: room.code, displayKey: room.facilitatorKey })).toBe(
      'bad_credentials',
    );
    expect(await refusal(server.url, { code: room.code, memberToken: 'nope' })).toBe('bad_credentials');
    expect(await refusal(server.url, { code: room.code })).toBe('bad_credentials');
    expect(await refusal(server.url, { code: room.code, name: '   ' })).toBe('invalid_name');
    expect(await refusal(server.url, { code: room.code, name: 'x'.repeat(41) })).toBe('invalid_name');
    expect(await refusal(server.url, { code: room.code, name: 'Bo\u0007b' })).toBe('invalid_name');
    expect(await refusal(server.url, { code: room.code, name: 'Bo\u202Eb' })).toBe('invalid_name');
    expect(await refusal(server.url, { code: room.code, name: 'Bo\ud800' })).toBe('invalid_name');
    expect(await refusal(server.url, { code: room.code, name: 'ANA' })).toBe('name_taken');
    expect(await refusal(server.url, { code: room.code, name: ' ana ' })).toBe('name_taken');
    expect(fac.latest().members.map((m) => m.name)).toEqual(['Ana']);
  });

  it('matches the room code case-insensitively', async () => {
    const p = await connect(server.url, { code: room.code.toLowerCase(), name: 'Lower' });
    open.push(p);
    expect(p.latest().code).toBe(room.code);
  });

  it('serves the hand queue in raising order, then least-spoken first', async () => {
    const ana = await join('Ana');
    const ben = await join('Ben');
    const cleo = await join('Cleo');
    const [a, b, c] = [ana.welcome.memberId!, ben.welcome.memberId!, cleo.welcome.memberId!];
    expect(await fac.send({ type: 'hand.call', from: null })).toMatchObject({
      ok: false,
      error: { code: 'queue_empty' },
    });

    // Ben speaks first so that he has spoken the most.
    await fac.send({ type: 'piece.give', memberId: b });
    await ben.waitFor((v) => v.speaker?.memberId === b);
    clock.advance(30_000);
    await fac.send({ type: 'piece.release' });

    for (const p of [ben, cleo, ana])
      expect(await p.send({ type: 'hand.raise' })).toMatchObject({ ok: true });
    const raisedTwice = await ben.send({ type: 'hand.raise' });
    const queued = await fac.waitFor((v) => v.hands.length === 3);
    expect(raisedTwice).toEqual({ ok: true, version: queued.version });
    expect(queued.hands).toEqual([b, c, a]);
    expect(queued.members.find((m) => m.id === b)?.handRaisedAt).toEqual(expect.any(Number));

    await fac.send({ type: 'room.update', queueOrder: 'least-spoken' });
    const progressive = await ana.waitFor((v) => v.settings.queueOrder === 'least-spoken');
    expect(progressive.hands).toEqual([c, a, b]);

    expect(await fac.send({ type: 'hand.call', from: null })).toMatchObject({ ok: true });
    const called = await cleo.waitFor((v) => v.speaker?.memberId === c);
    expect(called.hands).toEqual([a, b]);

    // A stale `from` (the sender saw nobody holding) changes nothing.
    const stale = await fac.send({ type: 'hand.call', from: null });
    expect(stale).toEqual({ ok: true, version: called.version });
    expect(await ana.send({ type: 'hand.lower' })).toMatchObject({ ok: true });
    expect((await fac.waitFor((v) => v.hands.length === 1)).hands).toEqual([b]);
  });

  it('resumes a member with memberToken: same id, online again, no new token', async () => {
    const ana = await join('Ana');
    const id = ana.welcome.memberId!;
    ana.close();
    await fac.waitFor((v) => v.members.find((m) => m.id === id)?.online === false, 'Ana offline');
    const back = await connect(server.url, { code: room.code, memberToken: ana.welcome.memberToken });
    open.push(back);
    expect(back.welcome).toEqual({
      role: 'member',
      memberId: id,
      status: 'active',
      serverNow: expect.any(Number),
    });
    await fac.waitFor((v) => v.members.find((m) => m.id === id)?.online === true, 'Ana online again');
    expect(fac.latest().members).toHaveLength(1);
  });

  it('keeps members online while any of their sockets is connected', async () => {
    const ana = await join('Ana');
    const second = await connect(server.url, { code: room.code, memberToken: ana.welcome.memberToken });
    open.push(second);
    const before = fac.latest().version;
    ana.close();
    // The second socket keeps her online: closing the first changes nothing anyone sees.
    const probe = await fac.send({ type: 'timer.pause' });
    expect(probe).toMatchObject({ ok: false, error: { code: 'no_timer' } });
    expect(fac.latest().version).toBe(before);
    expect(fac.latest().members[0]?.online).toBe(true);
  });

  it('locks the room against new members but lets returning ones in', async () => {
    const ana = await join('Ana');
    expect(await fac.send({ type: 'room.update', locked: true })).toMatchObject({ ok: true });
    expect(await refusal(server.url, { code: room.code, name: 'Newcomer' })).toBe('room_locked');
    const info = await (await fetch(`${server.url}/api/rooms/${room.code}`)).json();
    expect(info).toEqual({
      code: room.code,
      title: 'Tuesday circle',
      status: 'open',
      locked: true,
      admission: 'open',
    });
    ana.close();
    const back = await connect(server.url, { code: room.code, memberToken: ana.welcome.memberToken });
    open.push(back);
    expect(back.welcome.memberId).toBe(ana.welcome.memberId);
  });

  it('removes a member: told why, disconnected, forgotten, and refused on return', async () => {
    const ana = await join('Ana');
    const ben = await join('Ben');
    const id = ana.welcome.memberId!;
    await fac.send({ type: 'piece.give', memberId: id });
    await fac
      .send({ type: 'hand.raise' })
      .then((r) => expect(r).toMatchObject({ error: { code: 'forbidden' } }));
    const removed = new Promise<{ reason: string }>((resolve) => ana.socket.once('removed', resolve));
    const disconnected = new Promise<void>((resolve) => ana.socket.once('disconnect', () => resolve()));
    expect(await fac.send({ type: 'member.remove', memberId: id })).toMatchObject({ ok: true });
    expect(await removed).toEqual({ reason: 'removed' });
    await disconnected;
    const after = await ben.waitFor((v) => v.members.length === 1, 'Ana gone');
    expect(after.speaker).toBeNull();
    expect(JSON.stringify(fac.latest())).not.toContain('Ana');
    expect(await refusal(server.url, { code: room.code, memberToken: ana.welcome.memberToken })).toBe(
      'removed',
    );
    expect(await fac.send({ type: 'member.remove', memberId: id })).toMatchObject({
      ok: false,
      error: { code: 'unknown_member' },
    });
    // Her name is free again for someone new.
    open.push(await connectMember(server.url, room, 'Ana'));
  });

  it('lets two facilitators advance from the same speaker without skipping anyone', async () => {
    const members = [await join('Ana'), await join('Ben'), await join('Cleo')];
    const second = await connectFacilitator(server.url, room);
    open.push(second);
    await fac.send({ type: 'round.start', kind: 'go-around' });
    const first = members[0]!.welcome.memberId!;
    await second.waitFor((v) => v.speaker?.memberId === first);
    const [r1, r2] = await Promise.all([
      fac.send({ type: 'round.next', from: first }),
      second.send({ type: 'round.next', from: first }),
    ]);
    expect(r1.ok && r2.ok).toBe(true);
    const now = await fac.waitFor((v) => v.speaker?.memberId === members[1]!.welcome.memberId);
    expect(now.round?.outcomes[first]).toBe('spoke');
    expect(now.round?.index).toBe(1);
  });
});
