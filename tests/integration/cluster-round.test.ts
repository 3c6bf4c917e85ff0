import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import type { Result } from '../../shared/results';
import type { FacilitatorView, RoomView, StateView } from '../../shared/views';
import {
  connectDisplay,
  connectFacilitator,
  connectMember,
  createRoom,
  httpCommand,
  type Participant,
} from '../helpers/clients';
import { type Cluster, startCluster } from '../helpers/processes';

/** What a view says, without the instant it was made at. */
const content = (view: StateView) => ({ ...view, serverNow: 0 });

describe('three server processes on one Redis serve one room', () => {
  let cluster: Cluster;
  let room: CreateRoomResponse;
  let urls: string[];
  let fac: Participant<FacilitatorView>;
  let display: Participant<RoomView>;
  let ana: Participant<RoomView>;
  let ben: Participant<RoomView>;
  let cleo: Participant<RoomView>;
  const everyone = () => [fac, display, ana, ben, cleo] as Participant[];

  // Starting real server processes takes seconds on a busy machine.
  beforeAll(async () => {
    // Per-socket command limits lifted: this suite fires 200 commands from a handful of sockets.
    cluster = await startCluster({ count: 3, env: { COMMANDS_PER_SECOND: '10000', COMMAND_BURST: '10000' } });
    urls = cluster.servers.map((s) => s.url);
    const [p0, p1, p2] = urls as [string, string, string];
    room = await createRoom(p0, { title: 'Cluster circle' });
    fac = await connectFacilitator(p0, room);
    display = await connectDisplay(p0, room);
    ana = await connectMember(p1, room, 'Ana');
    ben = await connectMember(p1, room, 'Ben');
    cleo = await connectMember(p2, room, 'Cleo');
    await fac.waitFor((v) => v.members.filter((m) => m.online).length === 3, 'three members online');
  }, 120_000);
  afterAll(async () => {
    for (const p of everyone()) p?.close();
    await cluster?.close();
  }, 30_000);

  it('runs a whole round: the facilitator on one process, the members on others', async () => {
    const [a, b, c] = [ana.welcome.memberId!, ben.welcome.memberId!, cleo.welcome.memberId!];
    expect(
      await fac.send({ type: 'round.start', kind: 'check-in', prompt: 'How are you arriving?' }),
    ).toMatchObject({ ok: true });
    const started = await ana.waitFor((v) => v.speaker?.memberId === a, 'Ana holding the piece');
    expect(started.round).toMatchObject({ kind: 'check-in', order: [a, b, c], index: 0 });
    await cleo.waitFor((v) => v.speaker?.memberId === a, 'Cleo (third process) seeing Ana hold the piece');
    await display.waitFor((v) => v.speaker?.memberId === a, 'the display seeing Ana hold the piece');

    expect(await ben.send({ type: 'turn.done' })).toMatchObject({ ok: false, error: { code: 'not_holder' } });
    expect(await ana.send({ type: 'turn.done' })).toMatchObject({ ok: true });
    await fac.waitFor((v) => v.speaker?.memberId === b, 'Ben holding the piece');
    expect(await ben.send({ type: 'turn.pass' })).toMatchObject({ ok: true });
    await cleo.waitFor((v) => v.speaker?.memberId === c, 'Cleo holding the piece');
    // Two facilitators (on two processes) advance from Cleo at once: she is not skipped twice.
    const second = await connectFacilitator(urls[2]!, room);
    const [one, two] = await Promise.all([
      fac.send({ type: 'round.next', from: c }),
      second.send({ type: 'round.next', from: c }),
    ]);
    second.close();
    expect(one.ok && two.ok).toBe(true);
    const ended = await fac.waitFor((v) => v.round?.endedAt != null, 'the round to complete');
    expect(ended.round?.outcomes).toEqual({ [a]: 'spoke', [b]: 'passed', [c]: 'spoke' });
    expect(ended.stats[b]).toMatchObject({ turns: 0, passes: 1 });
    for (const p of everyone())
      await p.waitFor((v) => v.version === ended.version, 'every client to catch up');
  });

  it('applies 200 concurrent commands spread over the processes, each with its own version', async () => {
    const facilitators = [
      fac,
      await connectFacilitator(urls[1]!, room),
      await connectFacilitator(urls[2]!, room),
    ];
    expect(await facilitators[1]!.send({ type: 'timer.start', seconds: 60 })).toMatchObject({ ok: true });
    const before = await fac.waitFor((v) => v.timer?.durationMs === 60_000, 'the timer to start');

    const sentAt = performance.now();
    const answeredAfter: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const command = { type: 'timer.add', seconds: 1 } as const;
        // Every fourth goes over HTTP, the rest over the sockets of the three processes.
        const result =
          i % 4 === 3
            ? ((await httpCommand(urls[i % 3]!, room.code, room.facilitatorKey, command)).body as Result)
            : await facilitators[i % 3]!.send(command);
        answeredAfter.push(performance.now() - sentAt);
        return result;
      }),
    );
    answeredAfter.sort((x, y) => x - y);
    const answered = (i: number) => Math.round(answeredAfter[i]!);
    console.info(
      `200 concurrent commands over 3 processes: half answered after ${answered(99)} ms, all after ${answered(199)} ms`,
    );
    const refused = results.flatMap((r, i) => (r.ok === true ? [] : [`${i}: ${JSON.stringify(r)}`]));
    expect(refused).toEqual([]);
    const versions = results.map((r) => (r.ok === true ? (r.version as number) : 0));
    expect(new Set(versions).size).toBe(200);
    const last = Math.max(...(versions as number[]));
    expect(last).toBe(before.version + 200);

    const clients = [...everyone(), ...facilitators.slice(1)];
    const finals = await Promise.all(
      clients.map((p) => p.waitFor((v) => v.version === last, 'the last version', 15_000)),
    );
    expect(finals[0]).toMatchObject({ timer: { durationMs: 260_000 } });
    // Every client of a role holds the very same view.
    const byRole = (p: Participant) => p.welcome.role;
    for (const [i, view] of finals.entries()) {
      const peer = finals.findIndex((_, j) => byRole(clients[j]!) === byRole(clients[i]!));
      expect(content(view)).toEqual(content(finals[peer]!));
    }
    expect(content(ana.latest())).toEqual(content(cleo.latest()));
    for (const f of facilitators.slice(1)) f.close();
  });
});
