import type { Clock } from '../clock';
import type { RoomState } from '../core/state';
import type { RedisKeys } from '../redis/keys';
import { closeClient, type RedisClient } from '../redis/redis-client';
import { type RoomStore, StoreUnavailableError, type UpdateOutcome, type UpdateStep } from './room-store';

/**
 * A room is a hash { v: version, s: JSON state } so that the compare-and-set compares a small
 * field and never parses JSON in Lua. KEYS[1] room, KEYS[2] index of live rooms;
 * ARGV: version, state JSON, TTL (ms), expiry instant (ms), code.
 */
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 's', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
return 1`;

/**
 * Writes only if the stored version is still the one read (ARGV[1]; ARGV then as in CREATE) and
 * answers { 1 }. Otherwise answers what is there now, { 0, version, state } ({ 0 } if the room is
 * gone), so that the writer can re-run at once without reading again.
 */
const COMPARE_AND_SET = `
local current = redis.call('HMGET', KEYS[1], 'v', 's')
if current[1] ~= ARGV[1] then
  if not current[1] then return { 0 } end
  return { 0, current[1], current[2] }
end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[6])
return { 1 }`;

export interface RedisRoomStoreOptions {
  /** The store's own connection (closed with the store), made with `failWhileOffline`. */
  client: RedisClient;
  keys: RedisKeys;
  clock: Clock;
  /** Idle time (ms) after which a room is gone; every write refreshes it, as in memory. */
  ttlMs: number;
  /** Longest one Redis call may go unanswered (ms) before the store is unavailable (default 800). */
  budgetMs?: number;
  /** Compare-and-set attempts before a write gives up as unavailable (default 25). */
  maxAttempts?: number;
}

/** One `update` call waiting for its room's next write. */
interface Waiting {
  fn: (state: RoomState) => UpdateStep<unknown>;
  resolve(outcome: UpdateOutcome<unknown> | null): void;
  reject(err: unknown): void;
  /** Set once it was answered `unavailable` (by the safety timer): it must not be applied any more. */
  abandoned: boolean;
}

/**
 * An update still pending after this many budgets is answered `unavailable` whatever happens: a
 * guard against a bug, never reached while every Redis call is bounded by the budget.
 */
const SAFETY_FACTOR = 5;

/** Most updates folded into one write: enough for any burst, small enough to stay fair. */
const MAX_BATCH = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Rooms in Redis, shared by every process. `update` is optimistic: read the state, run the pure
 * function, then write only if nobody wrote in between (a Lua compare-and-set on the version),
 * else re-run the function on what the other writer stored.
 *
 * The updates of one room that arrive at this process while a write is in flight are folded into
 * the next one (group commit): their functions run one after the other on the state read, each
 * seeing the previous one's result, and one compare-and-set writes the last state. A burst of
 * commands thus costs a few round trips instead of one each, conflicts come only from other
 * processes, and every function still sees the latest state and gets its own version.
 *
 * Never hanging: every Redis call must answer within `budgetMs`; when one does not, or Redis
 * refuses or answers an error (LOADING while it replays its file), the write fails together with
 * every update waiting behind it, so that all of them answer `unavailable` at once rather than one
 * budget after another. Waiting behind writes that succeed costs no budget: a busy process is
 * slow, not unavailable. Conflicts with other processes are bounded by `maxAttempts`.
 */
export class RedisRoomStore implements RoomStore {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly writing = new Set<string>();
  private readonly budgetMs: number;
  private readonly maxAttempts: number;

  constructor(private readonly opts: RedisRoomStoreOptions) {
    this.budgetMs = opts.budgetMs ?? 800;
    this.maxAttempts = opts.maxAttempts ?? 25;
  }

  async create(state: RoomState): Promise<boolean> {
    const { keys, ttlMs, clock } = this.opts;
    const created = await this.redis(() =>
      this.opts.client.eval(CREATE, {
        keys: [keys.room(state.code), keys.roomIndex()],
        arguments: [
          String(state.version),
          JSON.stringify(state),
          String(ttlMs),
          String(clock.now() + ttlMs),
          state.code,
        ],
      }),
    );
    return created === 1;
  }

  async get(code: string): Promise<RoomState | null> {
    const read = await this.redis(() => this.read(code));
    return read?.state ?? null;
  }

  update<T>(code: string, fn: (state: RoomState) => UpdateStep<T>): Promise<UpdateOutcome<T> | null> {
    return new Promise<UpdateOutcome<T> | null>((resolve, reject) => {
      const item: Waiting = {
        fn,
        resolve: (outcome) => {
          clearTimeout(timer);
          resolve(outcome as UpdateOutcome<T> | null);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
        abandoned: false,
      };
      const timer = setTimeout(() => {
        item.abandoned = true;
        reject(new StoreUnavailableError(new Error('update took too long')));
      }, SAFETY_FACTOR * this.budgetMs);
      const queue = this.waiting.get(code);
      if (queue) queue.push(item);
      else this.waiting.set(code, [item]);
      void this.drain(code);
    });
  }

  async delete(code: string): Promise<void> {
    const { client, keys } = this.opts;
    await this.redis(() => Promise.all([client.del(keys.room(code)), client.zRem(keys.roomIndex(), code)]));
  }

  async count(): Promise<number> {
    const { client, keys, clock } = this.opts;
    const index = keys.roomIndex();
    // Codes are scored by their expiry, so dropping the past ones leaves exactly the live rooms.
    const [, live] = await this.redis(() =>
      Promise.all([client.zRemRangeByScore(index, '-inf', clock.now()), client.zCard(index)]),
    );
    return live;
  }

  async ping(): Promise<void> {
    await this.redis(() => this.opts.client.ping());
  }

  async close(): Promise<void> {
    await closeClient(this.opts.client);
  }

  /** Writes the room's waiting updates, a batch at a time, one batch in flight per room. */
  private async drain(code: string): Promise<void> {
    if (this.writing.has(code)) return;
    this.writing.add(code);
    try {
      for (;;) {
        const queue = this.waiting.get(code);
        if (!queue || queue.length === 0) break;
        const batch = queue.splice(0, MAX_BATCH);
        try {
          await this.commit(code, batch);
        } catch (err) {
          // Redis is in trouble: whoever waits behind this write would only fail in turn, later.
          const failure = err instanceof StoreUnavailableError ? err : new StoreUnavailableError(err);
          for (const item of [...batch, ...queue.splice(0)]) item.reject(failure);
        }
      }
    } finally {
      this.writing.delete(code);
      if (this.waiting.get(code)?.length === 0) this.waiting.delete(code);
    }
  }

  /** Runs a batch on the latest state and writes the result with one compare-and-set, retried on conflict. */
  private async commit(code: string, batch: Waiting[]): Promise<void> {
    const { client, keys, ttlMs, clock } = this.opts;
    let read = await this.redis(() => this.read(code));
    for (let attempt = 1; ; attempt++) {
      const live = batch.filter((item) => !item.abandoned);
      if (live.length === 0) return;
      if (!read) {
        for (const item of live) item.resolve(null);
        return;
      }
      const results = run(live, read.state);
      const last = results.state;
      if (last === read.state) {
        settle(live, results.outcomes);
        return;
      }
      const { version } = read;
      const expiresInMs = results.ttlMs ?? ttlMs;
      const answer = await this.redis(
        () =>
          client.eval(COMPARE_AND_SET, {
            keys: [keys.room(code), keys.roomIndex()],
            arguments: [
              version,
              String(last.version),
              JSON.stringify(last),
              String(expiresInMs),
              String(clock.now() + expiresInMs),
              code,
            ],
          }) as Promise<unknown[]>,
      );
      if (answer[0] === 1) {
        settle(live, results.outcomes);
        return;
      }
      if (attempt >= this.maxAttempts) {
        throw new StoreUnavailableError(new Error(`${attempt} conflicting writes in a row on room ${code}`));
      }
      // Another process wrote first: the answer holds what it wrote. Re-run on that, after a
      // pause of a few ms at most (jittered), so that contending processes fall out of step.
      read = parseStored(answer[1], answer[2]);
      await sleep(Math.random() * Math.min(attempt, 5));
    }
  }

  private async read(code: string): Promise<Stored | null> {
    const [version, json] = await this.opts.client.hmGet(this.opts.keys.room(code), ['v', 's']);
    return parseStored(version, json);
  }

  /**
   * Runs Redis calls; any failure of theirs (down, timeout, LOADING…) means the store is
   * unavailable, and so does a call still unanswered after the budget.
   */
  private async redis<T>(call: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailableError(new Error('Redis did not answer in time'))),
        this.budgetMs,
      );
    });
    try {
      return await Promise.race([call(), late]);
    } catch (err) {
      throw err instanceof StoreUnavailableError ? err : new StoreUnavailableError(err);
    } finally {
      clearTimeout(timer);
    }
  }
}

interface Stored {
  /** As stored: compared as a string by the compare-and-set. */
  version: string;
  state: RoomState;
}

/** A room as read from its hash (the store wrote it: it is not from the wire). */
function parseStored(version: unknown, json: unknown): Stored | null {
  if (version == null || json == null) return null;
  return { version: String(version), state: JSON.parse(String(json)) as RoomState };
}

type Result = { ok: true; outcome: UpdateOutcome<unknown> } | { ok: false; error: unknown };

/** Runs each function on the state the previous one left; one that throws changes nothing. */
/** Runs a batch in order; `ttlMs` is the expiry asked by the last step that changed the room, if any. */
function run(batch: Waiting[], initial: RoomState): { state: RoomState; outcomes: Result[]; ttlMs?: number } {
  let state = initial;
  let ttlMs: number | undefined;
  const outcomes = batch.map((item): Result => {
    try {
      const step = item.fn(state);
      const changed = step.state !== state;
      if (changed) ttlMs = step.ttlMs;
      state = step.state;
      return { ok: true, outcome: { state: step.state, value: step.value, ttlMs: step.ttlMs, changed } };
    } catch (error) {
      return { ok: false, error };
    }
  });
  return { state, outcomes, ...(ttlMs === undefined ? {} : { ttlMs }) };
}

function settle(batch: Waiting[], outcomes: Result[]): void {
  batch.forEach((item, i) => {
    const result = outcomes[i]!;
    if (result.ok) item.resolve(result.outcome);
    else item.reject(result.error);
  });
}
