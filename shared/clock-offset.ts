/**
 * Estimates the server clock offset (server − client, ms) from `clock` round trips.
 * Each sample assumes the server read its clock halfway through the round trip; the error is at
 * most half the round trip, so only the lowest-latency samples are kept and their median used.
 */
export interface ClockSample {
  offsetMs: number;
  rttMs: number;
}

export function clockSample(sentAt: number, serverNow: number, receivedAt: number): ClockSample {
  const rttMs = Math.max(0, receivedAt - sentAt);
  return { offsetMs: serverNow - (sentAt + rttMs / 2), rttMs };
}

/** The median offset of the `keep` samples with the shortest round trips. */
export function estimateOffset(samples: readonly ClockSample[], keep = 3): number {
  if (samples.length === 0) return 0;
  const best = [...samples].sort((a, b) => a.rttMs - b.rttMs).slice(0, Math.max(1, keep));
  const offsets = best.map((s) => s.offsetMs).sort((a, b) => a - b);
  const mid = Math.floor(offsets.length / 2);
  return offsets.length % 2 === 1 ? offsets[mid]! : (offsets[mid - 1]! + offsets[mid]!) / 2;
}
