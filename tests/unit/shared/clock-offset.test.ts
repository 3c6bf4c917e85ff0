import { describe, expect, it } from 'vitest';
import {
  betterEstimate,
  type ClockEstimate,
  ClockKeeper,
  type ClockSample,
  clockSample,
  estimateOffset,
  measureOffset,
  PRECISE_CLOCK_MS,
} from '../../../shared/clock-offset';

/** The server's clock runs this far from the client's (server − client, ms). */
const TRUE_OFFSET = -123_456.4;

/**
 * One round trip on whole-millisecond clocks: it leaves at client instant `at`, reaches the server
 * `outMs` later and comes back `backMs` after that.
 */
function roundTrip(at: number, outMs: number, backMs: number): ClockSample {
  const serverNow = Math.floor(at + outMs + TRUE_OFFSET);
  return clockSample(Math.floor(at), serverNow, Math.floor(at + outMs + backMs));
}

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('clock offset estimate', () => {
  it('is within half the shortest round trip (+1 ms) of the truth, however lopsided the others', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = random(seed);
      const samples: ClockSample[] = [];
      let at = 1_795_600_000_000 + rand() * 1000;
      for (let i = 0; i < 7; i++) {
        // Under load: each leg waits 0–150 ms, one way often far longer than the other.
        const out = rand() < 0.5 ? rand() * 150 : rand() * 3;
        const back = rand() < 0.5 ? rand() * 150 : rand() * 3;
        samples.push(roundTrip(at, out, back));
        at += out + back + 0.1;
      }
      const best = Math.min(...samples.map((s) => s.rttMs));
      const estimate = offsetOf(samples);
      expect(Math.abs(estimate.offsetMs - TRUE_OFFSET)).toBeLessThanOrEqual(best / 2 + 1);
      // The bound it reports holds the truth, and is no wider than the shortest round trip's.
      expect(Math.abs(estimate.offsetMs - TRUE_OFFSET)).toBeLessThanOrEqual(estimate.boundMs);
      expect(estimate.boundMs).toBeLessThanOrEqual(best / 2 + 1);
    }
  });

  it('narrows with each sample: two lopsided round trips pin it closer than either alone', () => {
    // 40 ms each: the first spent it all going out, the second all coming back.
    const early = roundTrip(1_000, 40, 0);
    const late = roundTrip(2_000, 0, 40);
    expect(Math.abs(early.offsetMs - TRUE_OFFSET)).toBeGreaterThan(15);
    expect(Math.abs(late.offsetMs - TRUE_OFFSET)).toBeGreaterThan(15);
    expect(Math.abs(offsetOf([early, late]).offsetMs - TRUE_OFFSET)).toBeLessThanOrEqual(1.5);
  });

  it('is not pulled away by slow round trips when one fast round trip came back', () => {
    // What the benchmark saw under load: one 7 ms round trip; the rest waited, mostly on the way back.
    const samples = [
      roundTrip(0, 2, 5),
      roundTrip(100, 5, 140),
      roundTrip(300, 1, 90),
      roundTrip(500, 3, 75),
      roundTrip(700, 60, 200),
    ];
    expect(Math.abs(offsetOf(samples).offsetMs - TRUE_OFFSET)).toBeLessThanOrEqual(7 / 2 + 1);
  });

  it('sets aside a sample that contradicts the shorter ones (the device clock jumped meanwhile)', () => {
    const steady = [roundTrip(0, 2, 2), roundTrip(10, 3, 3)];
    // Taken after the device clock was set 5 s forward: its interval misses the others'.
    const jumped = clockSample(20 + 5_000, Math.floor(20 + 4 + TRUE_OFFSET), 20 + 5_000 + 8);
    const estimate = offsetOf([...steady, jumped]);
    expect(Math.abs(estimate.offsetMs - TRUE_OFFSET)).toBeLessThanOrEqual(2 + 1);
  });

  it('answers null with no sample, and the sample itself, ± half its round trip, with one', () => {
    expect(estimateOffset([], 0)).toBeNull();
    const only = roundTrip(0, 10, 30);
    expect(estimateOffset([only], 40)).toEqual({ offsetMs: only.offsetMs, boundMs: 20 + 1, measuredAt: 40 });
  });
});

/** The estimate of samples taken at client instant 0 (they are never empty here). */
function offsetOf(samples: ClockSample[]): ClockEstimate {
  const estimate = estimateOffset(samples, 0);
  if (estimate === null) throw new Error('no estimate');
  return estimate;
}

const estimate = (offsetMs: number, boundMs: number, measuredAt: number): ClockEstimate => ({
  offsetMs,
  boundMs,
  measuredAt,
});

describe('the estimate kept across measurements', () => {
  it('is the new one when none was kept or the new one is as close', () => {
    const next = estimate(-100, 5, 1_000);
    expect(betterEstimate(null, next)).toBe(next);
    expect(betterEstimate(estimate(-101, 5, 0), next)).toBe(next);
  });

  it('stays the closer one when a slow measurement agrees with it', () => {
    const close = estimate(-100, 2, 0);
    // Every round trip of the second took ~300 ms: its interval holds the first's.
    expect(betterEstimate(close, estimate(-180, 150, 10_000))).toBe(close);
  });

  it('is the new one when the two disagree: the device clock was set in between', () => {
    const jumped = estimate(-5_100, 150, 10_000);
    expect(betterEstimate(estimate(-100, 2, 0), jumped)).toBe(jumped);
  });

  it('gives way in time: a kept bound widens by 0.1 ms a second, as clocks drift apart', () => {
    const old = estimate(-100, 2, 0);
    const wider = estimate(-103, 10, 0);
    expect(betterEstimate(old, { ...wider, measuredAt: 60_000 })).toBe(old); // 2 + 6 ms < 10 ms
    const later = { ...wider, measuredAt: 100_000 }; // 2 + 10 ms > 10 ms
    expect(betterEstimate(old, later)).toBe(later);
  });
});

describe('ClockKeeper: when a connection measures again', () => {
  it('waits for the regular refresh after a precise estimate', () => {
    const keeper = new ClockKeeper();
    const precise = estimate(-100, PRECISE_CLOCK_MS, 0);
    expect(keeper.take(precise)).toEqual({ kept: precise, againInMs: null });
  });

  it('measures an imprecise estimate again after 2 s, 4 s, 8 s…, at most a minute apart', () => {
    const keeper = new ClockKeeper();
    const delays = Array.from({ length: 8 }, (_, i) => keeper.take(estimate(-100, 200, i * 1_000)).againInMs);
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('keeps a precise estimate through a slow measurement, and starts the delays over once precise', () => {
    const keeper = new ClockKeeper();
    expect(keeper.take(estimate(-100, 300, 0)).againInMs).toBe(2_000);
    const precise = estimate(-90, 3, 2_000);
    expect(keeper.take(precise)).toEqual({ kept: precise, againInMs: null });
    expect(keeper.take(estimate(-150, 250, 5_000))).toEqual({ kept: precise, againInMs: null });
    expect(keeper.take(estimate(-5_000, 250, 8_000)).againInMs).toBe(2_000);
  });

  it('starts afresh after reset (a new connection, perhaps to another server)', () => {
    const keeper = new ClockKeeper();
    keeper.take(estimate(-100, 2, 0));
    keeper.reset();
    const wide = estimate(-150, 250, 1_000);
    expect(keeper.take(wide)).toEqual({ kept: wide, againInMs: 2_000 });
  });
});

describe('measureOffset: one measurement of round trips', () => {
  /**
   * A client clock that advances 10 ms per round trip, and a server that answers what `answers`
   * says in turn: a reading (the server's clock, 5 ms into the round trip), null (an answer that is
   * not one), or 'lost' (the round trip times out).
   */
  function link(answers: readonly (number | null | 'lost')[]) {
    let clock = 1_000;
    let asked = 0;
    const ask = async () => {
      const answer = answers[asked++];
      clock += 10;
      if (answer === 'lost') throw new Error('timeout');
      return answer === null ? null : clock - 5 + TRUE_OFFSET;
    };
    return { ask, now: () => clock, asked: () => asked };
  }

  it('makes every round trip it is given and estimates from their samples', async () => {
    const { ask, now, asked } = link([0, 0, 0, 0, 0, 0, 0, 0]);
    const { estimate, samples } = await measureOffset(ask, now, () => true);
    expect(asked()).toBe(7);
    expect(samples).toHaveLength(7);
    expect(Math.abs(estimate!.offsetMs - TRUE_OFFSET)).toBeLessThanOrEqual(estimate!.boundMs);
    expect(estimate!.measuredAt).toBe(now());
  });

  it('goes on past an answer that is not one, and stops at the first lost round trip', async () => {
    const { ask, now, asked } = link([0, null, 0, 'lost', 0, 0, 0]);
    const { estimate, samples } = await measureOffset(ask, now, () => true);
    expect(asked()).toBe(4);
    expect(samples).toHaveLength(2);
    expect(estimate).not.toBeNull();
  });

  it('answers no estimate when no round trip came back, and stops once the socket closed', async () => {
    expect(
      (
        await measureOffset(
          link(['lost']).ask,
          () => 0,
          () => true,
        )
      ).estimate,
    ).toBeNull();
    const { ask, now, asked } = link([0, 0, 0, 0, 0, 0, 0]);
    const measured = await measureOffset(ask, now, () => asked() < 3);
    expect(asked()).toBe(3);
    expect(measured.samples).toHaveLength(3);
  });
});
