import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import type { Handler } from './handler';
import { isActive } from './room-queries';

/** The seating order: must be a permutation of the active members (those in the circle). */
export const orderSetHandler: Handler<CommandOf<'order.set'>> = (draft, command) => {
  const ids = command.memberIds;
  if (!ids.every((id) => isActive(draft, id))) {
    return errorBody('unknown_member', 'Someone in that order is not in the room.');
  }
  const missing = draft.order.length - ids.length;
  if (missing > 0) {
    const who = missing === 1 ? '1 member' : `${missing} members`;
    return errorBody('invalid_command', `The order must name everyone in the room: it leaves out ${who}.`);
  }
  if (sameOrder(draft.order, ids)) return 'unchanged';
  draft.order = [...ids];
  return 'changed';
};

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
