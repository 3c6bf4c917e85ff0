import type { Clock } from '../clock';
import type { RoomState } from '../core/state';
import type { RoomStore, UpdateOutcome, UpdateStep } from './room-store';

interface Entry {
  state: RoomState;
  expiresAt: number;
}

/**
 * The embedded default: rooms in this process's memory. Updates are atomic because the update
 * function runs synchronously between reading and writing (no await in between).
 */
export class MemoryRoomStore implements RoomStore {
  private readonly rooms = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    sweepEveryMs = 60_000,
  ) {
    this.sweeper = setInterval(() => this.sweep(), sweepEveryMs);
    this.sweeper.unref();
  }

  async create(state: RoomState): Promise<boolean> {
    if (this.live(state.code)) return false;
    this.rooms.set(state.code, { state, expiresAt: this.clock.now() + this.ttlMs });
    return true;
  }

  /** Puts back a room read from a snapshot with the expiry it had: time spent down counts as idle. */
  restore(state: RoomState, expiresAt: number): void {
    this.rooms.set(state.code, { state, expiresAt });
  }

  async get(code: string): Promise<RoomState | null> {
    return this.live(code)?.state ?? null;
  }

  async update<T>(code: string, fn: (state: RoomState) => UpdateStep<T>): Promise<UpdateOutcome<T> | null> {
    const entry = this.live(code);
    if (!entry) return null;
    const step = fn(entry.state);
    const changed = step.state !== entry.state;
    // The entry is this store's own: changed in place, not replaced by a new one on every command.
    if (changed) {
      entry.state = step.state;
      entry.expiresAt = this.clock.now() + (step.ttlMs ?? this.ttlMs);
    }
    return { state: step.state, value: step.value, ttlMs: step.ttlMs, changed };
  }

  async delete(code: string): Promise<void> {
    this.rooms.delete(code);
  }

  async count(): Promise<number> {
    this.sweep();
    return this.rooms.size;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.rooms.clear();
  }

  /** The entry if it has not expired; an expired one is dropped on sight. */
  private live(code: string): Entry | undefined {
    const entry = this.rooms.get(code);
    if (entry && entry.expiresAt <= this.clock.now()) {
      this.rooms.delete(code);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [code, entry] of this.rooms) if (entry.expiresAt <= now) this.rooms.delete(code);
  }
}
