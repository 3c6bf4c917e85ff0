import { io, type Socket } from 'socket.io-client';
import { type ClockSample, clockSample, estimateOffset } from '../shared/clock-offset';

/** The known shift of this client's clock (ms): the estimator should find the server 123,456 ms behind. */
export const CLOCK_SHIFT_MS = 123_456;

/** A client whose wall clock runs CLOCK_SHIFT_MS ahead of the machine's (the server's) clock. */
const shiftedNow = () => Date.now() + CLOCK_SHIFT_MS;

export interface ClockCheck {
  /** |estimated − true| (ms), true offset = server − client = −CLOCK_SHIFT_MS. */
  errorMs: number;
  estimatedMs: number;
  samples: number;
  bestRttMs: number;
}

/** Connects as a member of a room, to run clock round trips while the room's load goes on. */
export async function connectClockClient(url: string, code: string): Promise<Socket> {
  const socket = io(url, {
    auth: { code, name: 'Clock probe' },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', (err) => reject(new Error(`clock client: ${err.message}`)));
    socket.once('state', () => resolve());
  });
  return socket;
}

/**
 * Estimates the offset as the web client does (client/src/socket/clock-sync.ts): 7 back-to-back
 * `clock` round trips, a lost one (3 s) simply not a sample, their intervals intersected.
 * Never throws: a check with no sample at all reports an infinite error.
 */
export async function checkClock(socket: Socket, rounds = 7): Promise<ClockCheck> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < rounds && socket.connected; i++) {
    const sentAt = shiftedNow();
    try {
      const { serverNow } = (await socket.timeout(3000).emitWithAck('clock')) as { serverNow: number };
      samples.push(clockSample(sentAt, serverNow, shiftedNow()));
    } catch {
      // a lost round trip is simply not a sample
    }
  }
  if (samples.length === 0) {
    return { errorMs: Number.POSITIVE_INFINITY, estimatedMs: Number.NaN, samples: 0, bestRttMs: Number.NaN };
  }
  const estimatedMs = estimateOffset(samples);
  return {
    errorMs: Math.abs(estimatedMs - -CLOCK_SHIFT_MS),
    estimatedMs,
    samples: samples.length,
    bestRttMs: Math.min(...samples.map((s) => s.rttMs)),
  };
}
