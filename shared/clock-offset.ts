/**
 * Estimates the server clock offset (server − client, ms) from `clock` round trips.
 *
 * A round trip sent at client instant `sentAt` and answered at `receivedAt` proves that the server
 * read its clock (`serverNow`) in between, so the offset lies in an interval:
 * [serverNow − receivedAt, serverNow − sentAt], widened by 1 ms each side because both clocks
 * count whole milliseconds. Every sample's interval holds the true offset, so their intersection
 * does too, and its middle is off by at most half its width: never more than half the shortest
 * round trip (+1 ms), however slow the others were.
 */
export interface ClockSample {
  /** The middle of the sample's interval: the offset if the server answered halfway. */
  offsetMs: number;
  rttMs: number;
}

/** Whole-millisecond clocks: each end of a round trip may be up to 1 ms later than it reads. */
const TICK_MS = 1;

export function clockSample(sentAt: number, serverNow: number, receivedAt: number): ClockSample {
  const rttMs = Math.max(0, receivedAt - sentAt);
  return { offsetMs: serverNow - (sentAt + rttMs / 2), rttMs };
}

/**
 * The middle of the intersection of the samples' intervals. Samples are taken shortest round trip
 * first; one whose interval misses what the shorter ones left (a clock that jumped while measuring)
 * is set aside, so the estimate is never worse than the shortest round trip alone.
 */
export function estimateOffset(samples: readonly ClockSample[]): number {
  if (samples.length === 0) return 0;
  const byRtt = [...samples].sort((a, b) => a.rttMs - b.rttMs);
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  for (const { offsetMs, rttMs } of byRtt) {
    const half = rttMs / 2 + TICK_MS;
    const from = Math.max(low, offsetMs - half);
    const to = Math.min(high, offsetMs + half);
    if (from > to) continue;
    low = from;
    high = to;
  }
  return (low + high) / 2;
}
