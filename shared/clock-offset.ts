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

/** Round trips per measurement; each narrows the offset's interval. */
export const CLOCK_ROUNDS = 7;

/** Whole-millisecond clocks: each end of a round trip may be up to 1 ms later than it reads. */
const TICK_MS = 1;

export function clockSample(sentAt: number, serverNow: number, receivedAt: number): ClockSample {
  const rttMs = Math.max(0, receivedAt - sentAt);
  return { offsetMs: serverNow - (sentAt + rttMs / 2), rttMs };
}

/**
 * An estimate of the offset (server − client, ms): the true offset lay within `offsetMs ± boundMs`
 * when it was measured, at client instant `measuredAt`.
 */
export interface ClockEstimate {
  offsetMs: number;
  boundMs: number;
  measuredAt: number;
}

/**
 * The middle of the intersection of the samples' intervals, and half its width (the bound), or null
 * with no sample. Samples are taken shortest round trip first; one whose interval misses what the
 * shorter ones left (a clock that jumped while measuring) is set aside, so the estimate is never
 * worse than the shortest round trip alone.
 */
export function estimateOffset(samples: readonly ClockSample[], measuredAt: number): ClockEstimate | null {
  if (samples.length === 0) return null;
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
  return { offsetMs: (low + high) / 2, boundMs: (high - low) / 2, measuredAt };
}

/** One measurement: the estimate its samples give (null with none), and the samples. */
export interface ClockMeasurement {
  estimate: ClockEstimate | null;
  samples: ClockSample[];
}

/**
 * One measurement, as the web client and the benchmark both make it: up to `rounds` back-to-back
 * round trips read on the client clock `now`. `ask` resolves the server's `serverNow`, or null for
 * an answer that is not one (no sample, the next round trip goes on); it rejects when the round trip
 * is lost, which ends the measurement (the link is bad: better to measure again later). So does
 * `open()` turning false (the socket closed).
 */
export async function measureOffset(
  ask: () => Promise<number | null>,
  now: () => number,
  open: () => boolean,
  rounds = CLOCK_ROUNDS,
): Promise<ClockMeasurement> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < rounds && open(); i++) {
    const sentAt = now();
    let serverNow: number | null;
    try {
      serverNow = await ask();
    } catch {
      break;
    }
    if (serverNow !== null) samples.push(clockSample(sentAt, serverNow, now()));
  }
  return { estimate: estimateOffset(samples, now()), samples };
}

/** An estimate this close (± ms) is kept until the regular refresh; a wider one is measured again soon. */
export const PRECISE_CLOCK_MS = 20;

/** How fast two clocks may drift apart: 100 ppm, a cheap quartz at its worst (0.1 ms a second). */
const DRIFT = 1e-4;

/** The estimate's bound at client instant `at`: it widens with the time since it was measured. */
export function boundAt(estimate: ClockEstimate, at: number): number {
  return estimate.boundMs + Math.max(0, at - estimate.measuredAt) * DRIFT;
}

/**
 * Which estimate to go on with after a new measurement: the new one, unless the one kept is still
 * narrower and agrees with it (their intervals overlap, so the device clock did not jump in
 * between). A measurement made through a slow link or a busy server only widens the interval, so
 * it must not replace a close estimate; the kept one's bound widens with its age (drift), so a
 * newer estimate takes over in time.
 */
export function betterEstimate(kept: ClockEstimate | null, next: ClockEstimate): ClockEstimate {
  if (kept === null) return next;
  const keptBound = boundAt(kept, next.measuredAt);
  if (next.boundMs <= keptBound) return next;
  const agree = Math.abs(next.offsetMs - kept.offsetMs) <= next.boundMs + keptBound;
  return agree ? kept : next;
}

/**
 * The estimate a connection goes on with, and when to measure again: at once precise, nothing
 * before the regular refresh; imprecise (every round trip was slow: a busy server, a phone on a
 * weak link), again after 2 s, 4 s, 8 s… at most a minute apart, until it is precise.
 */
export class ClockKeeper {
  private kept: ClockEstimate | null = null;
  private imprecise = 0;

  /**
   * Takes a measurement: answers the estimate to go on with, and the delay (ms) before measuring
   * again, or null if the regular refresh will do.
   */
  take(next: ClockEstimate): { kept: ClockEstimate; againInMs: number | null } {
    const kept = betterEstimate(this.kept, next);
    this.kept = kept;
    if (boundAt(kept, next.measuredAt) <= PRECISE_CLOCK_MS) {
      this.imprecise = 0;
      return { kept, againInMs: null };
    }
    return { kept, againInMs: Math.min(60_000, 2_000 * 2 ** this.imprecise++) };
  }

  /** A new connection (perhaps to another server process) starts afresh. */
  reset(): void {
    this.kept = null;
    this.imprecise = 0;
  }
}
