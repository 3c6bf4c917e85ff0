import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import { nameKey } from '../../shared/names';
import type { Handler, SystemCommandOf } from './handler';
import { findMember, isMember } from './room-queries';
import { advanceRound } from './round-advance';
import type { RoundState } from './state';
import { zeroStats } from './stats';

/**
 * A new member (system command; the service validated the name and drew id and token). A retry
 * for an id already present changes nothing — checked first, so a retry is never `name_taken` by
 * its own earlier success. The member starts offline; the service sends `presence.set` next.
 */
export const memberJoinHandler: Handler<SystemCommandOf<'member.join'>> = (draft, command, ctx) => {
  if (isMember(draft, command.memberId)) return 'unchanged';
  if (draft.settings.locked) return errorBody('room_locked');
  const key = nameKey(command.name);
  if (draft.members.some((member) => nameKey(member.name) === key)) return errorBody('name_taken');
  draft.members.push({
    id: command.memberId,
    name: command.name,
    role: 'member',
    online: false,
    handRaisedAt: null,
    tokenHash: command.tokenHash,
    joinedAt: ctx.now,
  });
  draft.order.push(command.memberId);
  draft.stats[command.memberId] = zeroStats();
  return 'changed';
};

/**
 * Going offline moves neither the piece nor the hand (phones sleep); a round marks an offline
 * member `absent` only when their turn comes.
 */
export const presenceSetHandler: Handler<SystemCommandOf<'presence.set'>> = (draft, command) => {
  const member = findMember(draft, command.memberId);
  if (member === undefined || member.online === command.online) return 'unchanged';
  member.online = command.online;
  return 'changed';
};

/**
 * Removes every trace of the member (name, stats, signals, hand, places) and revokes their token.
 * Their holding is not settled (their stats go with them). In a round their places are dropped and
 * `index` kept on the same next member. If, in an active round, they held the piece or it was their
 * turn, the round moves on from there (otherwise the next member, now at `index`, would be marked
 * `spoke` by the next `round.next` without ever having had the piece); else the piece is just free.
 */
export const memberRemoveHandler: Handler<CommandOf<'member.remove'>> = (draft, command, ctx) => {
  const id = command.memberId;
  const member = findMember(draft, id);
  if (member === undefined) return errorBody('unknown_member');
  draft.members = draft.members.filter((m) => m.id !== id);
  draft.order = draft.order.filter((m) => m !== id);
  draft.hands = draft.hands.filter((m) => m !== id);
  draft.signals = draft.signals.filter((signal) => signal.memberId !== id);
  delete draft.stats[id];
  draft.revokedTokenHashes.push(member.tokenHash);
  const held = draft.speaker?.memberId === id;
  if (held) {
    draft.speaker = null;
    draft.timer = null;
  }
  const round = draft.round;
  if (round !== null) {
    const active = round.endedAt === null;
    const theirTurn = active && round.order[round.index] === id;
    dropFromRound(round, id);
    if (active && (held || theirTurn)) advanceRound(draft, round, round.index, ctx.now);
  }
  return 'changed';
};

/** Drops every place of the member (a revisit may have added a second); `index` keeps its member. */
function dropFromRound(round: RoundState, id: string): void {
  const before = round.order.slice(0, round.index).filter((m) => m !== id).length;
  round.order = round.order.filter((m) => m !== id);
  delete round.outcomes[id];
  round.index = before;
}
