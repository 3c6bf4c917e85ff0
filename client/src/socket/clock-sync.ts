import {
  CLOCK_ROUNDS,
  type ClockEstimate,
  type ClockSample,
  clockSample,
  estimateOffset,
} from '../../../shared/clock-offset';
import type { RoomSocket } from './room-socket';
import { ClockAckSchema } from './wire-schemas';

const ROUND_TIMEOUT_MS = 3000;

/**
 * Measures the server clock offset (server − client, ms) and its bound with sequential `clock`
 * round trips. Stops at the first lost round trip (the link is bad: better to measure again later)
 * and returns null when none came back, e.g. a socket that looks connected after the phone slept.
 */
export async function measureClockOffset(
  socket: RoomSocket,
  rounds = CLOCK_ROUNDS,
): Promise<ClockEstimate | null> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < rounds && socket.connected; i++) {
    const sentAt = Date.now();
    try {
      const ack = ClockAckSchema.safeParse(await socket.timeout(ROUND_TIMEOUT_MS).emitWithAck('clock'));
      if (ack.success) samples.push(clockSample(sentAt, ack.data.serverNow, Date.now()));
    } catch {
      break;
    }
  }
  return estimateOffset(samples, Date.now());
}
