import { roleViews } from '../server/core/views';
import { benchService, setUpBenchRoom } from './bench-rooms';

/**
 * The views Circlekeeper sends each role of a benchmark room, made by its own service and views.
 * The floor sends these payloads, so that both servers write the same JSON and every receiver
 * parses the same structure (a padding string of the same length parses several times faster,
 * and the load generators share the machine's cores with the server).
 */
export async function benchRoomViews(members: number): Promise<Record<string, object>> {
  const { clock, store, service } = benchService();
  try {
    const state = await store.get(await setUpBenchRoom(service, members, 'Bench circle 0'));
    if (!state) throw new Error('the sample room is gone');
    return roleViews(state, clock.now());
  } finally {
    await store.close();
  }
}
