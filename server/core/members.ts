import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import { nameKey } from '../../shared/names';
import { statusOnJoin } from './admission';
import { own, ownMember, ownRound } from './draft';
import type { Handler, SystemCommandOf } from './handler';
import { findMember, isMember } from './room-queries';
import { advanceRound } from './round-advance';
import type { MemberState, RoomState, RoundState } from './state';
import { liveSpokenMs, zeroStats } from './stats';

/**
 * A new member (system command; the service validated the name and drew id and token). A retry
 * for an id already present changes nothing — checked first, so a retry is never `name_taken` by
 * its own earlier success. The member starts offline; the service sends `presence.set` next.
 * They start at `consent` when the room has agreements, else `waiting` under approval, else active:
 * only an active member takes a place in the seating order.
 */
export const memberJoinHandler: Handler<SystemCommandOf<'member.join'>> = (draft, command, ctx) => {
  if (isMember(draft, command.memberId)) return 'unchanged';
  if (draft.settings.locked) return errorBody('room_locked');
  const key = nameKey(command.name);
  if (draft.members.some((member) => nameKey(member.name) === key)) return errorBody('name_taken');
  const status = statusOnJoin(draft);
  own(draft, 'members').push({
    id: command.memberId,
    name: command.name,
    role: 'member',
    status,
    online: false,
    handRaisedAt: null,
    tokenHash: command.tokenHash,
    joinedAt: ctx.now,
  });
  if (status === 'active') own(draft, 'order').push(command.memberId);
  own(draft, 'stats')[command.memberId] = zeroStats();
  return 'changed';
};

/**
 * Going offline moves neither the piece nor the hand (phones sleep); a round marks an offline
 * member `absent` only when their turn comes.
 */
export const presenceSetHandler: Handler<SystemCommandOf<'presence.set'>> = (draft, command) => {
  const member = findMember(draft, command.memberId);
  if (member === undefined || member.online === command.online) return 'unchanged';
  ownMember(draft, member.id).online = command.online;
  return 'changed';
};

/**
 * Removes the member and revokes their token; every socket of theirs is told `removed` and
 * disconnected. If, in an active round, they held the piece or it was their turn, the round moves
 * on from there (otherwise the next member, now at `index`, would be marked `spoke` by the next
 * `round.next` without ever having had the piece); else the piece is just free.
 */
export const memberRemoveHandler: Handler<CommandOf<'member.remove'>> = (draft, command, ctx) => {
  const member = findMember(draft, command.memberId);
  if (member === undefined) return errorBody('unknown_member');
  const id = member.id;
  const held = draft.speaker?.memberId === id;
  const round = draft.round;
  const theirTurn = round !== null && round.endedAt === null && round.order[round.index] === id;
  dropMember(draft, member, ctx.now);
  if (round !== null && round.endedAt === null && (held || theirTurn)) {
    // From the round as dropMember left it: the member's places are gone, `index` on the next one.
    advanceRound(draft, draft.round!.index, ctx.now);
  }
  ctx.effects.push({ kind: 'eject', memberId: id, reason: 'removed' });
  return 'changed';
};

/**
 * Removes every trace of the member from the circle (name, stats, signals, hand, places) and
 * revokes their token. Their holding is not settled; the piece is simply free. In a round their
 * places are dropped and `index` kept on the same next member. A member who was ever active is
 * remembered, by name and share of speaking only, for the summary at the end of the meeting (it
 * is forgotten with everything else then).
 */
export function dropMember(draft: RoomState, member: MemberState, now: number): void {
  const id = member.id;
  if (member.status === 'active') recordDeparture(draft, member, now);
  draft.members = draft.members.filter((m) => m.id !== id);
  draft.order = draft.order.filter((m) => m !== id);
  draft.hands = draft.hands.filter((m) => m !== id);
  draft.signals = draft.signals.filter((signal) => signal.memberId !== id);
  delete own(draft, 'stats')[id];
  own(draft, 'revokedTokenHashes').push(member.tokenHash);
  if (draft.speaker?.memberId === id) {
    draft.speaker = null;
    draft.timer = null;
  }
  if (draft.round !== null) dropFromRound(ownRound(draft), id);
}

function recordDeparture(draft: RoomState, member: MemberState, now: number): void {
  const stats = draft.stats[member.id] ?? zeroStats();
  own(draft, 'departed').push({
    name: member.name,
    joinedAt: member.joinedAt,
    spokenMs: liveSpokenMs(draft, member.id, now),
    turns: stats.turns,
    passes: stats.passes,
  });
}

/** Drops every place of the member (a revisit may have added a second); `index` keeps its member. */
function dropFromRound(round: RoundState, id: string): void {
  const before = round.order.slice(0, round.index).filter((m) => m !== id).length;
  round.order = round.order.filter((m) => m !== id);
  delete round.outcomes[id];
  round.index = before;
}
