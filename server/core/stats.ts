import type { MemberStats } from '../../shared/views';
import type { RoomState, StatsState } from './state';

export function zeroStats(): StatsState {
  return { spokenMs: 0, turns: 0, passes: 0, lastSpokeAt: null };
}

/** The member's stats record in the draft, created zeroed if it is missing (it never should be). */
export function statsOf(draft: RoomState, memberId: string): StatsState {
  let stats = draft.stats[memberId];
  if (stats === undefined) {
    stats = zeroStats();
    draft.stats[memberId] = stats;
  }
  return stats;
}

/** Total speaking time at `now` (ms): the settled time plus, for the holder, the live part. */
export function liveSpokenMs(state: RoomState, memberId: string, now: number): number {
  const settled = state.stats[memberId]?.spokenMs ?? 0;
  const speaker = state.speaker;
  if (speaker === null || speaker.memberId !== memberId) return settled;
  return settled + Math.max(0, now - speaker.since);
}

/**
 * A record keyed by member ids, as V8 holds it best: a dictionary from the start. A `{}` given
 * member ids as keys grows a hidden class per key, and since every room's ids differ, a chain of
 * them per room that outlives every record built on it.
 */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * A member's stats as the facilitator view shows them, once per stats record of the state, frozen:
 * everyone's but the speaker's stay the same from change to change, and so does their JSON
 * (server/transport/json-parser.ts).
 */
const shown = new WeakMap<StatsState, MemberStats>();
const NO_STATS: MemberStats = Object.freeze({ spokenMs: 0, turns: 0, passes: 0, lastSpokeAt: null });

/** Stats of every current member as of `now`, for the facilitator view. */
export function statsAt(state: RoomState, now: number): Record<string, MemberStats> {
  const out = idRecord<MemberStats>();
  for (const member of state.members) {
    const stats = state.stats[member.id];
    if (stats === undefined) out[member.id] = NO_STATS;
    else if (state.speaker?.memberId === member.id)
      out[member.id] = { ...shownStats(stats), spokenMs: liveSpokenMs(state, member.id, now) };
    else out[member.id] = shownStats(stats);
  }
  return out;
}

function shownStats(stats: StatsState): MemberStats {
  let view = shown.get(stats);
  if (view === undefined) {
    view = Object.freeze({
      spokenMs: stats.spokenMs,
      turns: stats.turns,
      passes: stats.passes,
      lastSpokeAt: stats.lastSpokeAt,
    });
    shown.set(stats, view);
  }
  return view;
}
