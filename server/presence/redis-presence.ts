import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { RedisKeys } from '../redis/keys';
import { closeClient, type RedisClient } from '../redis/redis-client';
import type { Presence } from './presence';

/**
 * Entries: a member's set holds `processId \n socketId`; a process's set holds
 * `code \n memberId \n socketId`. Each script answers atomically whether the member's set went
 * from empty to one socket (came online) or from one to empty (went offline), whatever process asks.
 */
const ADD = `
redis.call('SADD', KEYS[3], ARGV[3])
redis.call('SADD', KEYS[2], ARGV[2])
if redis.call('SADD', KEYS[1], ARGV[1]) == 1 and redis.call('SCARD', KEYS[1]) == 1 then return 1 end
return 0`;

const REMOVE = `
redis.call('SREM', KEYS[2], ARGV[2])
if redis.call('SREM', KEYS[1], ARGV[1]) == 1 and redis.call('SCARD', KEYS[1]) == 0 then return 1 end
return 0`;

/** Refreshes the heartbeat; answers whether it was still there (0: it lapsed or we were reaped). */
const HEARTBEAT = `
local existed = redis.call('EXISTS', KEYS[1])
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
return existed`;

/**
 * Forgets every socket of a dead process (KEYS[1] its sockets, KEYS[2] the process registry,
 * KEYS[3] its heartbeat; ARGV[1] its id, ARGV[2] the prefix of member keys) and answers the
 * `code \n memberId` of members left with no socket anywhere. Does nothing if the heartbeat is back.
 */
const REAP = `
if redis.call('EXISTS', KEYS[3]) == 1 then return {} end
local lost = {}
for _, entry in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local code, member, socket = string.match(entry, '^([^\\n]*)\\n([^\\n]*)\\n(.*)$')
  if code then
    local key = ARGV[2] .. code .. ':' .. member
    if redis.call('SREM', key, ARGV[1] .. '\\n' .. socket) == 1 and redis.call('SCARD', key) == 0 then
      table.insert(lost, code .. '\\n' .. member)
    end
  end
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return lost`;

export interface RedisPresenceOptions {
  /** The presence's own connection (closed with it), made with `failWhileOffline`. */
  client: RedisClient;
  keys: RedisKeys;
  log: Logger;
  processId?: string;
  /** How often the heartbeat is refreshed and dead processes are looked for (ms, default 3000). */
  heartbeatEveryMs?: number;
  /** How long a heartbeat lives (ms, default 10 000): a process silent this long is dead. */
  aliveForMs?: number;
  /** Delay before a member whose presence changed is checked again (ms, default 1500). */
  recheckAfterMs?: number;
}

interface SocketEntry {
  code: string;
  memberId: string;
  socketId: string;
}

type Listener = (code: string, memberId: string) => void;

/**
 * Presence across processes. Each process records its sockets in Redis under its id and keeps a
 * heartbeat key alive; a survivor that finds a heartbeat gone reaps that process's sockets (under a
 * lock, so one survivor does it) and reports the members left with no socket as lost.
 *
 * This process's own sockets are also kept in memory, which is the truth Redis is brought back to
 * whenever they disagree: a removal that failed (Redis down) is retried, and a process whose
 * heartbeat lapsed while it lived (a long outage) records its sockets again and reports the
 * members found. Two reports about one member can race on their way to the room (an old "lost"
 * applied after a newer "found"), so a member whose presence changed is checked again shortly after
 * and reported as Redis then has them; `presence.set` is idempotent, so repeats cost nothing.
 */
export class RedisPresence implements Presence {
  readonly processId: string;
  private readonly local = new Map<string, SocketEntry>();
  /** Sockets gone from this process whose removal Redis has not confirmed yet. */
  private readonly unconfirmedRemovals = new Map<string, SocketEntry>();
  private readonly rechecks = new Map<string, { code: string; memberId: string; due: number }>();
  private readonly lostListeners: Listener[] = [];
  private readonly foundListeners: Listener[] = [];
  private readonly heartbeatEveryMs: number;
  private readonly aliveForMs: number;
  private readonly recheckAfterMs: number;
  private readonly timer: NodeJS.Timeout;
  /** Set when Redis may have missed some of our sockets (a failed add, a lapsed heartbeat). */
  private dirty = false;
  private nextBeatAt = 0;
  private ticking: Promise<void> | null = null;
  private failing = false;
  private closed = false;

  constructor(private readonly opts: RedisPresenceOptions) {
    this.processId = opts.processId ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    this.heartbeatEveryMs = opts.heartbeatEveryMs ?? 3000;
    this.aliveForMs = opts.aliveForMs ?? 10_000;
    this.recheckAfterMs = opts.recheckAfterMs ?? 1500;
    const every = Math.min(this.heartbeatEveryMs, this.recheckAfterMs, 1000);
    this.timer = setInterval(() => void this.tick(), every);
    this.timer.unref();
    void this.tick();
  }

  async add(code: string, memberId: string, socketId: string): Promise<boolean> {
    const entry = { code, memberId, socketId };
    this.local.set(socketKey(entry), entry);
    try {
      const first = await this.addInRedis(entry);
      if (first) this.recheck(code, memberId);
      return first;
    } catch (err) {
      // Recorded here; the next tick records it in Redis and reports the member if they came online.
      this.dirty = true;
      this.recheck(code, memberId);
      this.report(err);
      return false;
    }
  }

  async remove(code: string, memberId: string, socketId: string): Promise<boolean> {
    const entry = { code, memberId, socketId };
    const key = socketKey(entry);
    if (!this.local.delete(key)) return false;
    try {
      const last = await this.removeInRedis(entry);
      if (last) this.recheck(code, memberId);
      return last;
    } catch (err) {
      // Retried by the next ticks; if it was the member's last socket, they are reported lost then.
      this.unconfirmedRemovals.set(key, entry);
      this.report(err);
      return false;
    }
  }

  onLost(listener: Listener): void {
    this.lostListeners.push(listener);
  }

  onFound(listener: Listener): void {
    this.foundListeners.push(listener);
  }

  /** Stops the heartbeat and takes it down, so that survivors reap what is left at once. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.ticking;
    const { client, keys } = this.opts;
    try {
      if (this.local.size === 0 && this.unconfirmedRemovals.size === 0) {
        await Promise.all([
          client.sRem(keys.processes(), this.processId),
          client.del(keys.processSockets(this.processId)),
        ]);
      }
      await client.del(keys.alive(this.processId));
    } catch (err) {
      this.report(err);
    }
    await closeClient(client);
  }

  /**
   * One round of upkeep (heartbeat and reaping when due, or now with `beat`; retried removals and
   * re-recordings; rechecks). Exposed so that tests need not wait for the timer.
   */
  async tick(opts: { beat?: boolean } = {}): Promise<void> {
    if (opts.beat) {
      await this.ticking;
      this.nextBeatAt = 0;
    }
    if (this.closed) return;
    this.ticking ??= this.upkeep()
      .then(
        () => {
          this.failing = false;
        },
        (err: unknown) => this.report(err),
      )
      .finally(() => {
        this.ticking = null;
      });
    await this.ticking;
  }

  private async upkeep(): Promise<void> {
    const now = performance.now();
    if (now >= this.nextBeatAt) {
      const { client, keys } = this.opts;
      const existed = await client.eval(HEARTBEAT, {
        keys: [keys.alive(this.processId), keys.processes()],
        arguments: [String(this.aliveForMs), this.processId],
      });
      // A heartbeat that lapsed while we lived may have been reaped: record our sockets again.
      if (existed !== 1 && this.local.size > 0) this.dirty = true;
      this.nextBeatAt = now + this.heartbeatEveryMs;
      await this.reapDeadProcesses();
    }
    await this.confirmRemovals();
    if (this.dirty) await this.recordAgain();
    await this.runRechecks(now);
  }

  private async confirmRemovals(): Promise<void> {
    for (const [key, entry] of this.unconfirmedRemovals) {
      const last = await this.removeInRedis(entry);
      this.unconfirmedRemovals.delete(key);
      if (last) this.emit(this.lostListeners, entry.code, entry.memberId);
    }
  }

  private async recordAgain(): Promise<void> {
    for (const [key, entry] of [...this.local]) {
      // Removed meanwhile: its removal was sent after any add we could send now, so skip it.
      if (!this.local.has(key)) continue;
      if (await this.addInRedis(entry)) this.emit(this.foundListeners, entry.code, entry.memberId);
      // An add whose answer was lost may have been recorded already: the recheck reports the member.
      else this.recheck(entry.code, entry.memberId);
    }
    this.dirty = false;
  }

  private async reapDeadProcesses(): Promise<void> {
    const { client, keys } = this.opts;
    const others = (await client.sMembers(keys.processes())).filter((id) => id !== this.processId);
    if (others.length === 0) return;
    const alive = await Promise.all(others.map((id) => client.exists(keys.alive(id))));
    const dead = others.filter((_, i) => alive[i] === 0);
    for (const id of dead) {
      // One survivor reaps a dead process; the lock outlives the reaping so that others skip it.
      const locked = await client.set(keys.reaping(id), this.processId, {
        NX: true,
        PX: this.aliveForMs * 3,
      });
      if (locked === null) continue;
      const lost = (await client.eval(REAP, {
        keys: [keys.processSockets(id), keys.processes(), keys.alive(id)],
        arguments: [id, keys.memberSocketsPrefix()],
      })) as string[];
      this.opts.log.info({ process: id, lost: lost.length }, 'reaped the sockets of a process that stopped');
      for (const pair of lost) {
        const [code = '', memberId = ''] = String(pair).split('\n');
        this.emit(this.lostListeners, code, memberId);
      }
    }
  }

  /** Reports members whose presence changed a moment ago as Redis has them now. */
  private async runRechecks(now: number): Promise<void> {
    const { client, keys } = this.opts;
    for (const [key, item] of this.rechecks) {
      if (item.due > now) continue;
      this.rechecks.delete(key);
      const sockets = await client.sCard(keys.memberSockets(item.code, item.memberId));
      this.emit(sockets > 0 ? this.foundListeners : this.lostListeners, item.code, item.memberId, false);
    }
  }

  private recheck(code: string, memberId: string): void {
    this.rechecks.set(`${code}\n${memberId}`, {
      code,
      memberId,
      due: performance.now() + this.recheckAfterMs,
    });
  }

  private emit(listeners: Listener[], code: string, memberId: string, recheck = true): void {
    if (recheck) this.recheck(code, memberId);
    for (const listener of listeners) {
      try {
        listener(code, memberId);
      } catch (err) {
        this.opts.log.error({ err }, 'presence listener failed');
      }
    }
  }

  private async addInRedis(entry: SocketEntry): Promise<boolean> {
    const { client, keys } = this.opts;
    const answer = await client.eval(ADD, {
      keys: [
        keys.memberSockets(entry.code, entry.memberId),
        keys.processSockets(this.processId),
        keys.processes(),
      ],
      arguments: [`${this.processId}\n${entry.socketId}`, socketKey(entry), this.processId],
    });
    return answer === 1;
  }

  private async removeInRedis(entry: SocketEntry): Promise<boolean> {
    const { client, keys } = this.opts;
    const answer = await client.eval(REMOVE, {
      keys: [keys.memberSockets(entry.code, entry.memberId), keys.processSockets(this.processId)],
      arguments: [`${this.processId}\n${entry.socketId}`, socketKey(entry)],
    });
    return answer === 1;
  }

  /** Logs the first failure of an outage, not one per tick. */
  private report(err: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.opts.log.warn(
      { reason: err instanceof Error ? err.message : String(err) },
      'presence could not reach Redis',
    );
  }
}

function socketKey(entry: SocketEntry): string {
  return `${entry.code}\n${entry.memberId}\n${entry.socketId}`;
}
