import type { CommandOf, CommandType } from '../../shared/commands';
import type { ErrorBody } from '../../shared/errors';
import type { SystemCommand } from './actor';
import type { Effect } from './effects';
import type { RoomState } from './state';

/**
 * What a handler says about the draft it was given: it changed it, it left it as it was (the
 * command is a harmless no-op), or it refuses the command (the draft is then thrown away).
 */
export type Verdict = 'changed' | 'unchanged' | ErrorBody;

/**
 * The instant of the command and, when a member sent it, who they are. `effects` collects what must
 * happen beyond the state (nudges, status and role changes, ejections); kept only if the command
 * is not refused.
 */
export interface Context {
  now: number;
  memberId: string | null;
  effects: Effect[];
}

/**
 * A handler works on a private draft of the state (draft.ts: a shallow copy, whose nested parts it
 * makes its own with `own…` before changing them) that `apply` throws away on a refusal or a no-op,
 * so all or nothing comes for free. Only the parts it makes its own are copied; the new state
 * shares the rest (frozen, but in production: `freezeStates`).
 */
export type Handler<C> = (draft: RoomState, command: C, ctx: Context) => Verdict;

export type CommandHandlers = { [T in CommandType]: Handler<CommandOf<T>> };

export type SystemCommandType = SystemCommand['type'];
export type SystemCommandOf<T extends SystemCommandType> = Extract<SystemCommand, { type: T }>;
export type SystemCommandHandlers = { [T in SystemCommandType]: Handler<SystemCommandOf<T>> };
