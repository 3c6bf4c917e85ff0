import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import type { FacilitatorView, RoomView } from '../../shared/views';
import { connectFacilitator, connectMember, createRoom, type Participant } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

/** The socket without its event typing: what a hostile or buggy client can send. */
const raw = (p: Participant) => p.socket as unknown as { emit: (...args: unknown[]) => void };

describe('bad input over the socket', () => {
  let server: TestServer;
  let room: CreateRoomResponse;
  let fac: Participant<FacilitatorView>;
  let ana: Participant<RoomView>;

  beforeAll(async () => {
    // This suite is about malformed input, not floods: lift the per-socket rate limit (its own tests are in tests/security).
    server = await startServer({ config: { commandsPerSecond: 10_000, commandBurst: 10_000 } });
    room = await createRoom(server.url);
    fac = await connectFacilitator(server.url, room);
    ana = await connectMember(server.url, room, 'Ana');
    // Ana's first state follows her join and her coming online; the facilitator's broadcast of
    // them may still be on its way (merged): the version this suite counts from is settled first.
    await fac.waitFor((v) => v.version >= ana.latest().version, 'Ana online at the facilitator');
  });
  afterAll(async () => {
    fac?.close();
    ana?.close();
    await server?.close();
  });

  const malformed: unknown[] = [
    null,
    42,
    'round.start',
    [],
    {},
    { type: 'no.such.command' },
    { type: 'round.start' },
    { type: 'round.start', kind: 'brainstorm' },
    { type: 'round.start', kind: 'check-in', prompt: 'x'.repeat(281) },
    { type: 'round.start', kind: 'check-in', order: ['a', 'a'] },
    { type: 'piece.give' },
    { type: 'piece.give', memberId: 7 },
    { type: 'order.set', memberIds: 'everyone' },
    { type: 'room.update', title: '' },
    { type: 'room.update', queueOrder: 'random' },
    { type: 'signal.send', kind: 'panic' },
    { type: 'timer.add', seconds: '30' },
    { type: 'round.next', from: 12 },
    { __proto__: { type: 'timer.start' } },
    JSON.parse('{"type":"timer.start","__proto__":{"polluted":true},"seconds":-1}'),
  ];

  it('answers every malformed command with invalid_command and changes nothing', async () => {
    const before = fac.latest().version;
    for (const payload of malformed) {
      for (const p of [fac, ana] as Participant[]) {
        const result = await p.socket.timeout(2000).emitWithAck('command', payload as never);
        expect(result, JSON.stringify(payload)).toMatchObject({
          ok: false,
          error: { code: 'invalid_command', message: expect.any(String) },
        });
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // An honest command is still served, and it is the first change since.
    const honest = await ana.send({ type: 'hand.raise' });
    expect(honest).toEqual({ ok: true, version: before + 1 });
  });

  it('survives commands without an ack, unknown events and a clock without a callback', async () => {
    raw(ana).emit('command', { type: 'hand.lower' });
    raw(ana).emit('unknown-event', { x: 1 });
    raw(ana).emit('clock', 'not a function');
    const lowered = await fac.waitFor((v) => v.hands.length === 0, 'the hand lowered by an ack-less command');
    const clock = await ana.socket.timeout(2000).emitWithAck('clock');
    expect(clock.serverNow).toBeGreaterThanOrEqual(lowered.serverNow);
  });

  it('disconnects a socket that sends an oversized message, and keeps serving others', async () => {
    const big = await connectMember(server.url, room, 'Big');
    const gone = new Promise<string>((resolve) => big.socket.once('disconnect', resolve));
    raw(big).emit('command', { type: 'signal.send', kind: 'x'.repeat(100_000) });
    expect(await gone).toBe('transport close');
    expect(await ana.send({ type: 'hand.raise' })).toMatchObject({ ok: true });
  });
});
