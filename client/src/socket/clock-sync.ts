import { CLOCK_ROUNDS, type ClockEstimate, measureOffset } from '../../../shared/clock-offset';
import type { RoomSocket } from './room-socket';
import { ClockAckSchema } from './wire-schemas';

const ROUND_TIMEOUT_MS = 3000;

/**
 * Measures the server clock offset (server − client, ms) and its bound with sequential `clock`
 * round trips (shared/clock-offset.ts `measureOffset`: a lost round trip ends the measurement).
 * Null when none came back, e.g. a socket that looks connected after the phone slept.
 */
export async function measureClockOffset(
  socket: RoomSocket,
  rounds = CLOCK_ROUNDS,
): Promise<ClockEstimate | null> {
  const ask = async () => {
    const ack = ClockAckSchema.safeParse(await socket.timeout(ROUND_TIMEOUT_MS).emitWithAck('clock'));
    return ack.success ? ack.data.serverNow : null;
  };
  const { estimate } = await measureOffset(ask, Date.now, () => socket.connected, rounds);
  return estimate;
}
