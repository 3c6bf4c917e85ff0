import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import type { Result } from '../../shared/results';
import type { FacilitatorView, RoomView } from '../../shared/views';
import {
  connectFacilitator,
  connectMember,
  createRoom,
  httpCommand,
  type Participant,
} from '../helpers/clients';
import { type Cluster, RedisServerProcess, startCluster, waitUntil } from '../helpers/processes';

const status = async (url: string) => (await fetch(url)).status;

/** Sends a command and measures how long its answer took (ms). */
async function timed(send: () => Promise<Result>): Promise<{ result: Result; ms: number }> {
  const started = performance.now();
  const result = await send();
  return { result, ms: performance.now() - started };
}

describe('Redis restarted mid-meeting', () => {
  let redis: RedisServerProcess;
  let cluster: Cluster;
  let room: CreateRoomResponse;
  let fac: Participant<FacilitatorView>;
  let ana: Participant<RoomView>;
  let ben: Participant<RoomView>;
  const extra: Participant[] = [];

  // Starting real server processes takes seconds on a busy machine.
  beforeAll(async () => {
    // A Redis of this suite's own, append-only, that it can kill and start again on the same files.
    redis = await RedisServerProcess.start();
    cluster = await startCluster({ count: 2, redisUrl: redis.url });
    const [p0, p1] = cluster.servers.map((s) => s.url) as [string, string];
    room = await createRoom(p0, { title: 'Outage circle' });
    fac = await connectFacilitator(p0, room);
    ana = await connectMember(p1, room, 'Ana');
    ben = await connectMember(p1, room, 'Ben');
    await fac.waitFor((v) => v.members.filter((m) => m.online).length === 2, 'two members online');
  }, 120_000);
  afterAll(async () => {
    for (const p of [fac, ana, ben, ...extra]) p?.close();
    await cluster?.close();
    await redis?.dispose();
  }, 30_000);

  it('answers unavailable within a second while Redis is down, then recovers with nothing acknowledged lost', async () => {
    const [p0, p1] = cluster.servers.map((s) => s.url) as [string, string];
    const b = ben.welcome.memberId!;
    expect(
      await fac.send({ type: 'round.start', kind: 'check-in', prompt: 'Before the storm' }),
    ).toMatchObject({ ok: true });
    expect(await ben.send({ type: 'hand.raise' })).toMatchObject({ ok: true });
    const acked = await fac.send({ type: 'timer.add', seconds: 30 });
    expect(acked.ok).toBe(true);
    const version = acked.ok ? acked.version : 0;
    const before = await fac.waitFor((v) => v.version === version, 'the last acknowledged change');

    await redis.kill();

    // Every command answers `unavailable`, fast, on both processes and over HTTP; nothing hangs.
    const during = await Promise.all([
      timed(() => fac.send({ type: 'timer.pause' })),
      timed(() => ana.send({ type: 'turn.done' })),
      timed(() => ben.send({ type: 'hand.lower' })),
    ]);
    for (const { result, ms } of during) {
      expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(ms).toBeLessThan(1000);
    }
    const started = performance.now();
    const overHttp = await httpCommand(p1, room.code, room.facilitatorKey, { type: 'timer.pause' });
    expect(overHttp).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });
    expect(performance.now() - started).toBeLessThan(1000);
    for (const url of [p0, p1]) {
      expect(await status(`${url}/readyz`)).toBe(503);
      expect(await status(`${url}/healthz`)).toBe(200);
    }
    expect(cluster.servers.every((s) => s.running)).toBe(true);

    await redis.restart();
    await waitUntil(
      async () => (await status(`${p0}/readyz`)) === 200 && (await status(`${p1}/readyz`)) === 200,
      'both processes ready again',
      10_000,
    );

    // What was acknowledged is all there, and nothing refused during the outage crept in.
    const late = await connectFacilitator(p1, room);
    extra.push(late);
    // (Speaking time in `stats` grows with the clock while Ana holds the piece: compared apart.)
    const settled = (v: FacilitatorView) => ({ ...v, serverNow: 0, stats: Object.keys(v.stats) });
    expect(settled(late.latest())).toEqual(settled(before));
    expect(late.latest()).toMatchObject({ version, hands: [b], round: { prompt: 'Before the storm' } });

    // The meeting carries on, versions continuing, and broadcasts cross processes again. Each
    // process's adapter subscriber reconnects on its own schedule: poll until a change made on
    // process 0 reaches process 1, and one made on process 1 reaches process 0.
    let reached = 0;
    const reaches = async (send: () => Promise<number | null>, who: Participant, what: string) => {
      const sent = await send();
      if (sent === null) return false;
      reached = Math.max(reached, sent);
      return who
        .waitFor((v) => v.version >= sent, what, 500)
        .then(
          () => true,
          () => false,
        );
    };
    const fromProcess0 = async () => {
      const sent = await fac.send({ type: 'timer.add', seconds: 1 });
      return sent.ok ? sent.version : null;
    };
    const fromProcess1 = async () => {
      const sent = await httpCommand(p1, room.code, room.facilitatorKey, { type: 'timer.add', seconds: 1 });
      return sent.status === 200 && typeof sent.body.version === 'number' ? sent.body.version : null;
    };
    await waitUntil(
      async () =>
        (await reaches(fromProcess0, ana, 'a change to reach Ana')) &&
        (await reaches(fromProcess1, fac, 'a change to reach the facilitator')),
      'changes to cross between the two processes both ways',
      10_000,
      0,
    );
    expect(reached).toBeGreaterThan(version);
    const ended = await ana.send({ type: 'turn.done' });
    expect(ended).toMatchObject({ ok: true });
    const final = await fac.waitFor((v) => ended.ok && v.version >= ended.version, 'Ana’s turn to end');
    expect(final.round?.outcomes[ana.welcome.memberId!]).toBe('spoke');
    expect(final.members.every((m) => m.online)).toBe(true);
  });
});
