import type { Command } from '../../shared/commands';
import type { ErrorBody } from '../../shared/errors';
import type { Actor, SystemCommand } from '../core/actor';
import { apply } from '../core/apply';
import type { Effect } from '../core/effects';
import { ENDED_ROOM_TTL_MS, endedRoom } from '../core/room-end';
import type { RoomState } from '../core/state';
import type { UpdateStep } from '../store/room-store';

/** What `apply` said, carried out of the store's atomic update. */
export type ApplyStep = { ok: true; prev: RoomState; effects: Effect[] } | { ok: false; error: ErrorBody };

/**
 * The pure function the store runs atomically for one command (it may run it again on a conflict,
 * so effects are only carried out, by the caller, once the write is done). When the command ends
 * the room, what is written is the room's tombstone, kept for an hour: every name, token and
 * statistic is forgotten in the same write that ends the meeting.
 */
export function commandStep(
  state: RoomState,
  command: Command | SystemCommand,
  actor: Actor,
  now: number,
): UpdateStep<ApplyStep> {
  const applied = apply(state, command, actor, now);
  if (!applied.ok) return { state, value: { ok: false, error: applied.error } };
  const value: ApplyStep = { ok: true, prev: state, effects: applied.effects };
  if (applied.effects.some((effect) => effect.kind === 'ended')) {
    return { state: endedRoom(applied.state, now), value, ttlMs: ENDED_ROOM_TTL_MS };
  }
  return { state: applied.state, value };
}
