import pino from 'pino';
import type { Clock } from '../server/clock';
import { createMetrics } from '../server/metrics';
import { RoomService } from '../server/rooms/room-service';
import { MemoryRoomStore } from '../server/store/memory-room-store';
import { SocketBroadcaster } from '../server/transport/socket-broadcaster';
import type { IoServer } from '../server/transport/socket-types';

/**
 * Circlekeeper's room service without a server, for the benchmarks that measure its parts: the
 * embedded store, its metrics, a silent log, and, when `io` is given, its broadcasts going there.
 */
export function benchService(io?: IoServer) {
  const clock: Clock = { now: () => Date.now() };
  const store = new MemoryRoomStore(clock, 3_600_000);
  const metrics = createMetrics();
  const service = new RoomService({ store, clock, metrics, log: pino({ level: 'silent' }) });
  if (io) service.attach(new SocketBroadcaster(io));
  return { clock, store, metrics, service };
}

/**
 * A stand-in for Socket.IO whose every room's `emit` calls `emit`. One room object for all, not one
 * per call: a closure made per call would cost tsx's naming helper every time.
 */
export function ioStandIn(emit: (event: 'state', view: unknown) => void): IoServer {
  const room = { emit, disconnectSockets() {} };
  return { to: () => room, in: () => room } as unknown as IoServer;
}

/**
 * A benchmark room as the benchmark's setup makes it: created with a title, M members named as the
 * load generators name them, online, the first holding the piece with a 3,600 s timer running.
 * Returns the room's code.
 */
export async function setUpBenchRoom(service: RoomService, members: number, title: string): Promise<string> {
  const facilitator = { kind: 'facilitator' } as const;
  const { code } = await service.createRoom({ title });
  const ids: string[] = [];
  for (let i = 1; i <= members; i++) {
    const { identity } = await service.authenticate({ code, name: `Member ${i}` });
    const memberId = identity.memberId!;
    ids.push(memberId);
    await service.execute(code, { type: 'presence.set', memberId, online: true }, { kind: 'system' });
  }
  await service.execute(code, { type: 'piece.give', memberId: ids[0]! }, facilitator);
  await service.execute(code, { type: 'timer.start', seconds: 3600 }, facilitator);
  return code;
}
