import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import { ownMember } from './draft';
import type { Handler } from './handler';
import { findMember } from './room-queries';

/**
 * Grants or revokes co-facilitation. A co-facilitator may send every facilitator command and
 * receives the facilitator view; they stay a member of the circle (in the order, rounds, hands).
 * Rotating leadership ("handing the facilitator role") is making the next leader co-facilitator:
 * the key holder keeps the room, the new leader runs it from their phone. Only an active member
 * can be given a role; a co-facilitator may revoke their own.
 */
export const memberRoleHandler: Handler<CommandOf<'member.role'>> = (draft, command, ctx) => {
  const member = findMember(draft, command.memberId);
  if (member === undefined || member.status !== 'active') return errorBody('unknown_member');
  if (member.role === command.role) return 'unchanged';
  ownMember(draft, member.id).role = command.role;
  ctx.effects.push({ kind: 'role', memberId: member.id, role: command.role });
  return 'changed';
};
