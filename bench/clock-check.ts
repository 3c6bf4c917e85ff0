import { io, type Socket } from 'socket.io-client';
import {
  boundAt,
  type ClockEstimate,
  ClockKeeper,
  type ClockMeasurement,
  measureOffset,
} from '../shared/clock-offset';

/** The known shift of this client's clock (ms): the estimator should find the server 123,456 ms behind. */
export const CLOCK_SHIFT_MS = 123_456;

/** A client whose wall clock runs CLOCK_SHIFT_MS ahead of the machine's (the server's) clock. */
const shiftedNow = () => Date.now() + CLOCK_SHIFT_MS;

export interface ClockCheck {
  /** |estimated − true| (ms) of the estimate kept, true offset = server − client = −CLOCK_SHIFT_MS. */
  errorMs: number;
  estimatedMs: number;
  /** The kept estimate's bound (±ms): the true offset lies within it. */
  boundMs: number;
  /** Measurements made (the client measures again while its estimate is imprecise). */
  measurements: number;
  /** |estimated − true| of the first measurement alone. */
  firstErrorMs: number;
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
 * Estimates the offset as the web client does (client/src/socket/clock-sync.ts, room-client.ts): 7
 * back-to-back `clock` round trips (shared `measureOffset`: a lost one, 3 s, ends the measurement),
 * their intervals intersected; an imprecise estimate measured again after 2 s, 4 s… (shared
 * ClockKeeper), as long as the next measurement would start before `until` (a `performance.now()`
 * instant).
 * Never throws: a check with no sample at all reports an infinite error.
 */
export async function checkClock(socket: Socket, until = Number.POSITIVE_INFINITY): Promise<ClockCheck> {
  const keeper = new ClockKeeper();
  let first: ClockEstimate | null = null;
  let kept: ClockEstimate | null = null;
  let measurements = 0;
  let samples = 0;
  let bestRttMs = Number.POSITIVE_INFINITY;
  for (;;) {
    const measured = await measure(socket);
    measurements++;
    samples += measured.samples.length;
    for (const s of measured.samples) bestRttMs = Math.min(bestRttMs, s.rttMs);
    if (measured.estimate === null) break;
    first ??= measured.estimate;
    const { kept: estimate, againInMs } = keeper.take(measured.estimate);
    kept = estimate;
    if (againInMs === null || performance.now() + againInMs > until) break;
    await new Promise((resolve) => setTimeout(resolve, againInMs));
  }
  if (kept === null || first === null) {
    const none = Number.POSITIVE_INFINITY;
    return {
      errorMs: none,
      estimatedMs: Number.NaN,
      boundMs: none,
      measurements,
      firstErrorMs: none,
      samples: 0,
      bestRttMs: Number.NaN,
    };
  }
  return {
    errorMs: Math.abs(kept.offsetMs - -CLOCK_SHIFT_MS),
    estimatedMs: kept.offsetMs,
    boundMs: boundAt(kept, shiftedNow()),
    measurements,
    firstErrorMs: Math.abs(first.offsetMs - -CLOCK_SHIFT_MS),
    samples,
    bestRttMs,
  };
}

/** One measurement, as the web client makes it, on the shifted clock. */
function measure(socket: Socket): Promise<ClockMeasurement> {
  const ask = async () =>
    ((await socket.timeout(3000).emitWithAck('clock')) as { serverNow: number }).serverNow;
  return measureOffset(ask, shiftedNow, () => socket.connected);
}
