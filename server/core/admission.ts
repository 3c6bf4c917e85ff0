import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import type { MemberStatus } from '../../shared/lobby';
import { own, ownMember } from './draft';
import type { Context, Handler } from './handler';
import { dropMember } from './members';
import { findMember } from './room-queries';
import type { MemberState, RoomState } from './state';

/**
 * Where a member stands after accepting the agreements (or at once, when the room has none):
 * waiting under `admission: 'approve'`, else in the circle.
 */
export function statusAfterConsent(state: RoomState): MemberStatus {
  return state.settings.admission === 'approve' ? 'waiting' : 'active';
}

/** Where a new member starts: asked to accept the agreements if the room has any. */
export function statusOnJoin(state: RoomState): MemberStatus {
  return state.agreements.length > 0 ? 'consent' : statusAfterConsent(state);
}

/**
 * Moves a member to `status` and tells them. Becoming active puts them in the circle: at the end
 * of the seating order (their stats were zeroed when they joined).
 */
export function setStatus(draft: RoomState, member: MemberState, status: MemberStatus, ctx: Context): void {
  ownMember(draft, member.id).status = status;
  if (status === 'active' && !draft.order.includes(member.id)) own(draft, 'order').push(member.id);
  ctx.effects.push({ kind: 'status', memberId: member.id, status });
}

/** Admits everyone waiting (when admission turns `open`), in joining order. */
export function admitAllWaiting(draft: RoomState, ctx: Context): boolean {
  const waiting = draft.members.filter((member) => member.status === 'waiting');
  for (const member of waiting) setStatus(draft, member, 'active', ctx);
  return waiting.length > 0;
}

/** The member accepts the agreements; accepting again (waiting or active) changes nothing. */
export const consentAcceptHandler: Handler<CommandOf<'consent.accept'>> = (draft, _command, ctx) => {
  const member = ctx.memberId === null ? undefined : findMember(draft, ctx.memberId);
  if (member === undefined) return errorBody('forbidden');
  if (member.status !== 'consent') return 'unchanged';
  setStatus(draft, member, statusAfterConsent(draft), ctx);
  return 'changed';
};

/** Lets a waiting member in. A member still reading the agreements is left to finish (no-op). */
export const memberAdmitHandler: Handler<CommandOf<'member.admit'>> = (draft, command, ctx) => {
  const member = findMember(draft, command.memberId);
  if (member === undefined) return errorBody('unknown_member');
  if (member.status === 'active') return errorBody('not_waiting');
  if (member.status === 'consent') return 'unchanged';
  setStatus(draft, member, 'active', ctx);
  return 'changed';
};

/**
 * Turns away a member who is not yet active (waiting or still at the agreements): they are removed
 * as by `member.remove` (their token revoked) and told `removed { reason: 'declined' }`.
 */
export const memberDeclineHandler: Handler<CommandOf<'member.decline'>> = (draft, command, ctx) => {
  const member = findMember(draft, command.memberId);
  if (member === undefined) return errorBody('unknown_member');
  if (member.status === 'active') return errorBody('not_waiting');
  dropMember(draft, member, ctx.now);
  ctx.effects.push({ kind: 'eject', memberId: member.id, reason: 'declined' });
  return 'changed';
};
