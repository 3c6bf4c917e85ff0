import type { CommandOf } from '../../shared/commands';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { Summary, SummaryMember } from '../../shared/summary';
import { createRoomState } from './create-room';
import type { Handler } from './handler';
import { closePulse } from './pulse';
import type { RoomState } from './state';
import { liveSpokenMs } from './stats';

/** How long an ended room answers `room_ended` (rather than `room_not_found`): one hour. */
export const ENDED_ROOM_TTL_MS = 60 * 60 * 1000;

/**
 * Ends the meeting: closes any open pulse and describes the end as an effect carrying the summary.
 * The service then stores the tombstone (`endedRoom`) in place of the state — forgetting every
 * name, token and statistic — sends the summary to facilitators and disconnects everyone.
 */
export const roomEndHandler: Handler<CommandOf<'room.end'>> = (draft, _command, ctx) => {
  closePulse(draft);
  ctx.effects.push({ kind: 'ended', summary: summarize(draft, ctx.now) });
  return 'changed';
};

/**
 * The meeting as the facilitators may keep it: duration, rounds started, each member who was ever
 * active (those removed included) with their share of speaking, and every closed pulse. The holder's
 * current holding counts, as a turn, up to `now`.
 */
export function summarize(state: RoomState, now: number): Summary {
  const holder = state.speaker?.memberId ?? null;
  const present = state.members
    .filter((member) => member.status === 'active')
    .map((member) => {
      const stats = state.stats[member.id];
      return {
        joinedAt: member.joinedAt,
        name: member.name,
        spokenMs: liveSpokenMs(state, member.id, now),
        turns: (stats?.turns ?? 0) + (member.id === holder ? 1 : 0),
        passes: stats?.passes ?? 0,
      };
    });
  const members: SummaryMember[] = [...state.departed, ...present]
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .map(({ name, spokenMs, turns, passes }) => ({ name, spokenMs, turns, passes }));
  return {
    title: state.title,
    startedAt: state.createdAt,
    endedAt: now,
    rounds: state.roundsStarted,
    members,
    pulses: state.pulses.map((pulse) => ({ ...pulse, results: pulse.results && [...pulse.results] })),
  };
}

/**
 * What is kept of an ended room: its code, its version and when it ended — nothing that names or
 * counts anyone, no secret (the key hashes are gone, so no key opens it again). It keeps the shape
 * of a room state, emptied, so that every store and snapshot holds one type; `apply` refuses every
 * command on it with `room_ended`.
 */
export function endedRoom(state: RoomState, now: number): RoomState {
  // An empty room under the same code: no title, key hash, name, token, text or statistic.
  const empty = createRoomState({
    code: state.code,
    title: '',
    settings: { ...DEFAULT_SETTINGS, locked: true },
    agenda: [],
    facilitatorKeyHash: '',
    displayKeyHash: '',
    now: 0,
  });
  return { ...empty, version: state.version, status: 'ended', endedAt: now };
}
