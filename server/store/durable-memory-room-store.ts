import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { RoomState } from '../core/state';
import { MemoryRoomStore } from './memory-room-store';
import type { RoomStore, UpdateOutcome, UpdateStep } from './room-store';
import { SnapshotFiles } from './snapshot-file';

export interface DurableStoreOptions {
  dataDir: string;
  clock: Clock;
  ttlMs: number;
  /** A changed room is on disk at most this long (ms) after its first unsaved change. */
  debounceMs: number;
  log: Logger;
  sweepEveryMs?: number;
}

/**
 * The embedded store with DATA_DIR: rooms live in memory (the MemoryRoomStore does every read and
 * atomic update) and each changed room is written to its own snapshot file shortly after, and on
 * shutdown. A process killed at any instant restarts with every room as of its last write.
 *
 * One file per room rather than one for all: a change rewrites only its room (a few kilobytes, not
 * every room of the process), and a room that expires or is deleted leaves nothing behind because
 * exactly its file is unlinked.
 */
export class DurableMemoryRoomStore implements RoomStore {
  private readonly inner: MemoryRoomStore;
  private readonly files: SnapshotFiles;
  /** Every room this store has on disk or is about to write, with when it expires. */
  private readonly expiries = new Map<string, number>();
  private readonly dirty = new Set<string>();
  /** File operations per room, in order, so that a late write can never resurrect a removed room. */
  private readonly chains = new Map<string, Promise<void>>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;

  private constructor(private readonly opts: DurableStoreOptions) {
    this.inner = new MemoryRoomStore(opts.clock, opts.ttlMs, opts.sweepEveryMs);
    this.files = new SnapshotFiles(opts.dataDir);
    this.sweeper = setInterval(() => this.sweep(), opts.sweepEveryMs ?? 60_000);
    this.sweeper.unref();
  }

  /** Opens the folder and loads every room still alive; expired ones are removed from disk. */
  static async open(opts: DurableStoreOptions): Promise<DurableMemoryRoomStore> {
    const store = new DurableMemoryRoomStore(opts);
    await store.load();
    return store;
  }

  async create(state: RoomState): Promise<boolean> {
    const created = await this.inner.create(state);
    if (created) this.changed(state.code);
    return created;
  }

  async get(code: string): Promise<RoomState | null> {
    const state = await this.inner.get(code);
    if (state === null) this.forgetIfKnown(code);
    return state;
  }

  async update<T>(code: string, fn: (state: RoomState) => UpdateStep<T>): Promise<UpdateOutcome<T> | null> {
    const outcome = await this.inner.update(code, fn);
    if (outcome === null) this.forgetIfKnown(code);
    // An ended room's tombstone lives for its own, shorter TTL: the file follows the same expiry.
    else if (outcome.changed) this.changed(code, outcome.ttlMs);
    return outcome;
  }

  async delete(code: string): Promise<void> {
    await this.inner.delete(code);
    this.forget(code);
  }

  async count(): Promise<number> {
    this.sweep();
    return this.inner.count();
  }

  async ping(): Promise<void> {}

  /** Writes every unsaved room, waits for every file operation, then empties memory. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeper);
    await this.flush();
    await this.settled();
    await this.inner.close();
  }

  /** Resolves when every room changed so far is on disk (tests and shutdown). */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const codes = [...this.dirty];
    this.dirty.clear();
    for (const code of codes) {
      this.enqueue(code, async () => {
        // Read at write time: the latest state goes out, however many changes came in between.
        const state = await this.inner.get(code);
        const expiresAt = this.expiries.get(code);
        if (state === null || expiresAt === undefined) return;
        await this.files.write({ format: 1, expiresAt, state });
      });
    }
    await this.settled();
  }

  private async load(): Promise<void> {
    await this.files.prepare();
    const now = this.opts.clock.now();
    const snapshots = await this.files.readAll((name, err) =>
      this.opts.log.error({ err, file: name }, 'room snapshot unreadable; left in place'),
    );
    for (const { state, expiresAt } of snapshots) {
      if (expiresAt <= now) {
        this.expiries.set(state.code, expiresAt);
        this.forget(state.code);
        continue;
      }
      // Nobody is connected to a process that just started: whoever comes back comes back online.
      const stale = state.members.some((member) => member.online);
      const restored = stale
        ? {
            ...state,
            version: state.version + 1,
            members: state.members.map((member) => ({ ...member, online: false })),
          }
        : state;
      this.inner.restore(restored, expiresAt);
      this.expiries.set(state.code, expiresAt);
      if (stale) this.dirty.add(state.code);
    }
    await this.flush();
    this.opts.log.info({ rooms: this.expiries.size }, 'rooms restored from snapshots');
  }

  private changed(code: string, ttlMs = this.opts.ttlMs): void {
    this.expiries.set(code, this.opts.clock.now() + ttlMs);
    this.dirty.add(code);
    if (this.flushTimer === null && !this.closed) {
      this.flushTimer = setTimeout(() => void this.flush(), this.opts.debounceMs);
      this.flushTimer.unref();
    }
  }

  /** Marks the room for the next flush again, keeping its expiry. */
  private retry(code: string): void {
    this.dirty.add(code);
    if (this.flushTimer === null && !this.closed) {
      this.flushTimer = setTimeout(() => void this.flush(), Math.max(this.opts.debounceMs, 1_000));
      this.flushTimer.unref();
    }
  }

  private forgetIfKnown(code: string): void {
    if (this.expiries.has(code)) this.forget(code);
  }

  /** The room is gone from memory: its file goes too, after any write already under way. */
  private forget(code: string): void {
    this.expiries.delete(code);
    this.dirty.delete(code);
    this.enqueue(code, () => this.files.remove(code));
  }

  private sweep(): void {
    const now = this.opts.clock.now();
    for (const [code, expiresAt] of this.expiries) if (expiresAt <= now) void this.get(code);
  }

  private enqueue(code: string, op: () => Promise<void>): void {
    const previous = this.chains.get(code) ?? Promise.resolve();
    const next = previous.then(op).catch((err: unknown) => {
      this.opts.log.error({ err, code }, 'room snapshot failed');
      // Try again at the next flush, unless the room has gone meanwhile.
      if (this.expiries.has(code)) this.retry(code);
    });
    this.chains.set(code, next);
    void next.finally(() => {
      if (this.chains.get(code) === next) this.chains.delete(code);
    });
  }

  private async settled(): Promise<void> {
    while (this.chains.size > 0) await Promise.allSettled([...this.chains.values()]);
  }
}
