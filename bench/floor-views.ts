import pino from 'pino';
import type { Clock } from '../server/clock';
import { roleViews } from '../server/core/views';
import { createMetrics } from '../server/metrics';
import { RoomService } from '../server/rooms/room-service';
import { MemoryRoomStore } from '../server/store/memory-room-store';

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

/**
 * The views Circlekeeper sends each role of a benchmark room, made by its own service and views.
 * The floor sends these payloads, so that both servers write the same JSON and every receiver
 * parses the same structure (a padding string of the same length parses several times faster,
 * and the load generators share the machine's cores with the server).
 */
export async function benchRoomViews(members: number): Promise<Record<string, object>> {
  const clock: Clock = { now: () => Date.now() };
  const store = new MemoryRoomStore(clock, 3_600_000);
  const service = new RoomService({ store, clock, metrics: createMetrics(), log: pino({ level: 'silent' }) });
  try {
    const state = await store.get(await setUpBenchRoom(service, members, 'Bench circle 0'));
    if (!state) throw new Error('the sample room is gone');
    return roleViews(state, clock.now());
  } finally {
    await store.close();
  }
}
