import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import type { FacilitatorView, RoomView } from '../../shared/views';
import { connect, connectFacilitator, connectMember, createRoom, type Participant } from '../helpers/clients';
import { type Cluster, startCluster } from '../helpers/processes';

describe('a server process killed mid-meeting', () => {
  let cluster: Cluster;
  let room: CreateRoomResponse;
  let fac: Participant<FacilitatorView>;
  let ana: Participant<RoomView>;
  let ben: Participant<RoomView>;
  let cleo: Participant<RoomView>;
  const reconnected: Participant[] = [];

  // Starting real server processes takes seconds on a busy machine.
  beforeAll(async () => {
    cluster = await startCluster({ count: 2 });
    const [survivor, doomed] = cluster.servers.map((s) => s.url) as [string, string];
    room = await createRoom(survivor, { title: 'Crash circle' });
    fac = await connectFacilitator(survivor, room);
    ana = await connectMember(doomed, room, 'Ana');
    ben = await connectMember(doomed, room, 'Ben');
    cleo = await connectMember(survivor, room, 'Cleo');
    await fac.waitFor((v) => v.members.filter((m) => m.online).length === 3, 'three members online');
  }, 120_000);
  afterAll(async () => {
    for (const p of [fac, ana, ben, cleo, ...reconnected]) p?.close();
    await cluster?.close();
  }, 30_000);

  it('shows its members offline on the survivor within 15 s; they come back through the survivor and carry on', async () => {
    const [survivor, doomed] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
    const [a, b] = [ana.welcome.memberId!, ben.welcome.memberId!];
    expect(await fac.send({ type: 'round.start', kind: 'go-around' })).toMatchObject({ ok: true });
    expect(await ben.send({ type: 'hand.raise' })).toMatchObject({ ok: true });
    const lastAcked = await ana.send({ type: 'turn.done' });
    expect(lastAcked).toMatchObject({ ok: true });
    const before = await fac.waitFor(
      (v) => lastAcked.ok && v.version >= lastAcked.version,
      'the last change',
    );
    expect(before.speaker?.memberId).toBe(b);

    const killedAt = Date.now();
    const disconnected = new Promise((resolve) => ana.socket.once('disconnect', resolve));
    await doomed.kill();
    await disconnected;
    const gone = await fac.waitFor(
      (v) =>
        v.version > before.version &&
        v.members.filter((m) => (m.id === a || m.id === b) && !m.online).length === 2,
      'Ana and Ben offline on the survivor',
      15_000,
    );
    const detectedMs = Date.now() - killedAt;
    expect(detectedMs).toBeLessThan(15_000);
    console.info(`members of the killed process shown offline after ${detectedMs} ms`);
    // Nothing else moved: the round, the piece and the hand are as they were.
    expect(gone).toMatchObject({ speaker: { memberId: b }, hands: [b], round: before.round });
    // One change per member gone offline, and no other.
    expect(gone.version).toBe(before.version + 2);

    // Their phones reconnect (a load balancer sends them to the process still alive).
    const anaAgain = await connect<RoomView>(survivor.url, {
      code: room.code,
      memberToken: ana.welcome.memberToken,
    });
    const benAgain = await connect<RoomView>(survivor.url, {
      code: room.code,
      memberToken: ben.welcome.memberToken,
    });
    reconnected.push(anaAgain, benAgain);
    expect(anaAgain.welcome.memberId).toBe(a);
    const back = await fac.waitFor(
      (v) => v.version > gone.version && v.members.every((m) => m.online),
      'Ana and Ben online again',
    );
    expect(back).toMatchObject({ speaker: { memberId: b }, hands: [b] });
    // And the meeting carries on from where it was: Ben speaks, then Cleo.
    const done = await benAgain.send({ type: 'turn.done' });
    expect(done).toMatchObject({ ok: true, version: back.version + 1 });
    const next = await cleo.waitFor(
      (v) => v.speaker?.memberId === cleo.welcome.memberId,
      'Cleo holding the piece',
    );
    expect(next.round?.outcomes).toMatchObject({ [a]: 'spoke', [b]: 'spoke' });
    await anaAgain.waitFor((v) => v.version >= next.version, 'Ana to see it through the survivor');
    expect((await fetch(`${survivor.url}/readyz`)).status).toBe(200);
  });
});
