import type { MemberStats } from '../../shared/views';
import type { RoomState, StatsState } from './state';

export function zeroStats(): StatsState {
  return { spokenMs: 0, turns: 0, passes: 0, lastSpokeAt: null };
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
 * Stats of every current member as of `now`, for the facilitator view. A member who is not
 * speaking has their settled stats, which the view shares (states are never mutated); only the
 * holder's, whose time runs, is a new object.
 */
export function statsAt(state: RoomState, now: number): Record<string, MemberStats> {
  const out = idRecord<MemberStats>();
  const members = state.members;
  const speaker = state.speaker?.memberId;
  for (let i = 0; i < members.length; i++) {
    const id = members[i]!.id;
    const stats = state.stats[id] ?? ZERO_STATS;
    out[id] =
      id === speaker
        ? {
            spokenMs: liveSpokenMs(state, id, now),
            turns: stats.turns,
            passes: stats.passes,
            lastSpokeAt: stats.lastSpokeAt,
          }
        : stats;
  }
  return out;
}

const ZERO_STATS: Readonly<StatsState> = Object.freeze(zeroStats());
