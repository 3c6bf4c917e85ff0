import type { RoomState } from '../core/state';

/** What an update function returns: the next state (the same object when nothing changes) and a value. */
export interface UpdateStep<T> {
  /** An open room, or the tombstone of an ended one (`room.end`, status `ended`). */
  state: RoomState;
  value: T;
  /** How long the written state lives when left idle (ms); the store's room TTL when absent. */
  ttlMs?: number;
}

export interface UpdateOutcome<T> extends UpdateStep<T> {
  /** False when the function returned the state it was given: nothing was written. */
  changed: boolean;
}

/**
 * Where rooms live. `update` is atomic per room: the function sees the latest state and its result
 * is written only if nobody wrote in between (it may be called again, so it must be pure).
 * Every write refreshes the room's expiry; a room left idle for the TTL is gone with every name in it.
 */
export interface RoomStore {
  /** Stores a new room; false when the code is taken. */
  create(state: RoomState): Promise<boolean>;
  get(code: string): Promise<RoomState | null>;
  /** null when the room does not exist (or has expired). */
  update<T>(code: string, fn: (state: RoomState) => UpdateStep<T>): Promise<UpdateOutcome<T> | null>;
  delete(code: string): Promise<void>;
  /** Number of live rooms (for metrics). */
  count(): Promise<number>;
  /** Resolves when the store answers; rejects when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Raised by a store that cannot answer (Redis down); the transport maps it to `unavailable`. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The room store is unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}
