import { type Command, LOBBY_COMMANDS } from '../../shared/commands';
import { type ErrorBody, errorBody } from '../../shared/errors';
import type { Actor, SystemCommand } from './actor';
import { commandHandlers, systemCommandHandlers } from './command-table';
import { deepFreeze, draftOf } from './draft';
import type { Effect } from './effects';
import type { Context, Handler, Verdict } from './handler';
import { roleRefusal } from './permissions';
import { findMember, holderId } from './room-queries';
import type { RoomState } from './state';

let freezing = true;

/**
 * Whether `apply` deep-freezes the states it is given and makes (on by default). Frozen, a write to
 * a state or to anything a view shares with it throws: on in development and in every test, where
 * it catches at once a handler that changes a part it did not make its own (draft.ts) or a view
 * that writes to the state. Off in production (`NODE_ENV=production`), as React's development
 * checks are: the walk costs more than the update itself, and a state the tests never mutate is
 * not mutated in production either.
 */
export function freezeStates(on: boolean): void {
  freezing = on;
}

export type ApplyResult = { ok: true; state: RoomState; effects: Effect[] } | { ok: false; error: ErrorBody };

/**
 * Applies one command at server instant `now` (epoch ms). Pure: never mutates `state`. A refusal
 * changes nothing; a no-op returns the very same `state` object (the service skips the write and
 * the broadcast); a change returns a new state with `version + 1`. `effects` describe what the
 * service must do beyond publishing the views (a nudge is a no-op with an effect).
 *
 * An ended room (its tombstone) refuses everything with `room_ended`.
 * Checks, in the protocol's order (the schema was checked by the caller): admission (a member who
 * is not active may only accept the agreements), role, then the `from` guard, then the handler's
 * own conditions.
 */
export function apply(
  state: RoomState,
  command: Command | SystemCommand,
  actor: Actor,
  now: number,
): ApplyResult {
  if (state.status === 'ended') return { ok: false, error: errorBody('room_ended') };
  const refusal = admissionRefusal(state, command, actor) ?? roleRefusal(state, command.type, actor);
  if (refusal !== null) return { ok: false, error: refusal };
  if (isStale(state, command)) return { ok: true, state, effects: [] };
  if (freezing) deepFreeze(state);
  // Copy-on-write: the handler changes a draft and the parts it made its own (draft.ts); the new
  // state shares every untouched part with `state`. A refused or no-op draft is dropped.
  const draft = draftOf(state);
  const ctx: Context = { now, memberId: actor.kind === 'member' ? actor.memberId : null, effects: [] };
  const verdict = dispatch(draft, command, ctx);
  if (verdict === 'unchanged') return { ok: true, state, effects: ctx.effects };
  if (verdict === 'changed') {
    draft.version = state.version + 1;
    if (freezing) deepFreeze(draft);
    return { ok: true, state: draft, effects: ctx.effects };
  }
  return { ok: false, error: verdict };
}

/** `not_admitted` for anything but `consent.accept` from a member who is not yet active. */
function admissionRefusal(
  state: RoomState,
  command: Command | SystemCommand,
  actor: Actor,
): ErrorBody | null {
  if (actor.kind !== 'member') return null;
  const member = findMember(state, actor.memberId);
  if (member === undefined || member.status === 'active') return null;
  return LOBBY_COMMANDS.has(command.type as Command['type']) ? null : errorBody('not_admitted');
}

/**
 * `from` names what the sender saw: the holder for commands that move the piece, the agenda index
 * for `agenda.next`/`agenda.prev`. If that has moved on since, the command is stale: a success that
 * changes nothing, so a double press never skips anyone or anything.
 */
function isStale(state: RoomState, command: Command | SystemCommand): boolean {
  if (!('from' in command) || command.from === undefined) return false;
  if (command.type === 'agenda.next' || command.type === 'agenda.prev') {
    return command.from !== (state.agenda?.index ?? null);
  }
  return command.from !== holderId(state);
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
