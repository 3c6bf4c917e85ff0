import { type CommandType, FACILITATOR_COMMANDS } from '../../shared/commands';
import { type ErrorBody, errorBody } from '../../shared/errors';
import type { Actor } from './actor';
import type { SystemCommandType } from './handler';
import { findMember } from './room-queries';
import type { RoomState } from './state';

const SYSTEM_COMMANDS: ReadonlySet<string> = new Set<SystemCommandType>(['member.join', 'presence.set']);

export function isSystemCommandType(type: string): type is SystemCommandType {
  return SYSTEM_COMMANDS.has(type);
}

/**
 * Who may send what:
 * - system commands (joins, presence): only the server itself;
 * - facilitator commands: the facilitator key, or a member who is a co-facilitator;
 * - member commands: only members (the facilitator key is not a member);
 * - the display sends nothing.
 * A member who is no longer in the room may send nothing. Null when allowed.
 */
export function roleRefusal(
  state: RoomState,
  type: CommandType | SystemCommandType,
  actor: Actor,
): ErrorBody | null {
  if (isSystemCommandType(type)) return actor.kind === 'system' ? null : errorBody('forbidden');
  switch (actor.kind) {
    case 'facilitator':
      return FACILITATOR_COMMANDS.has(type) ? null : errorBody('forbidden');
    case 'member': {
      const member = findMember(state, actor.memberId);
      if (member === undefined) return errorBody('forbidden');
      if (!FACILITATOR_COMMANDS.has(type) || member.role === 'cofacilitator') return null;
      return errorBody('forbidden');
    }
    case 'display':
    case 'system':
      return errorBody('forbidden');
    default:
      return actor satisfies never;
  }
}
