import type { Command } from '../../shared/commands';
import type { ErrorBody } from '../../shared/errors';
import type { Actor, SystemCommand } from './actor';
import { commandHandlers, systemCommandHandlers } from './command-table';
import type { Context, Handler, Verdict } from './handler';
import { roleRefusal } from './permissions';
import { holderId } from './room-queries';
import type { RoomState } from './state';

export type ApplyResult = { ok: true; state: RoomState } | { ok: false; error: ErrorBody };

/**
 * Applies one command at server instant `now` (epoch ms). Pure: never mutates `state`. A refusal
 * changes nothing; a no-op returns the very same `state` object (the service skips the write and
 * the broadcast); a change returns a new state with `version + 1`.
 *
 * Checks, in the protocol's order (the schema was checked by the caller): role, then the `from`
 * guard, then the handler's own conditions.
 */
export function apply(
  state: RoomState,
  command: Command | SystemCommand,
  actor: Actor,
  now: number,
): ApplyResult {
  const refusal = roleRefusal(state, command.type, actor);
  if (refusal !== null) return { ok: false, error: refusal };
  // `from` names the holder the sender saw: if the piece has moved since, the command is stale.
  if ('from' in command && command.from !== undefined && command.from !== holderId(state)) {
    return { ok: true, state };
  }
  const draft = structuredClone(state);
  const ctx: Context = { now, memberId: actor.kind === 'member' ? actor.memberId : null };
  const verdict = dispatch(draft, command, ctx);
  if (verdict === 'unchanged') return { ok: true, state };
  if (verdict === 'changed') {
    draft.version = state.version + 1;
    return { ok: true, state: draft };
  }
  return { ok: false, error: verdict };
}

function dispatch(draft: RoomState, command: Command | SystemCommand, ctx: Context): Verdict {
  if (command.type === 'member.join' || command.type === 'presence.set') {
    const handler = systemCommandHandlers[command.type] as Handler<SystemCommand>;
    return handler(draft, command, ctx);
  }
  // The table is keyed by type, so the handler found matches the command it is given.
  const handler = commandHandlers[command.type] as Handler<Command>;
  return handler(draft, command, ctx);
}
