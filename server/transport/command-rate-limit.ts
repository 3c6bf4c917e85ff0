import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/**
 * The time limits run on (ms): monotonic and independent of the injected room clock, so that a test
 * clock standing still never starves a socket and a clock jump never refills every bucket at once.
 */
export const limitNow = (): number => performance.now();

/**
 * A token bucket: holds up to `burst` tokens and gains `perSecond` tokens a second. Each event
 * takes one; an event that finds the bucket empty is refused. The burst absorbs honest double
 * presses and clickers; the rate stops a flood. Time is passed in (ms) so that tests need no sleep.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token at instant `now` (ms); false when none is left. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** True when at least one token is left at `now` (takes nothing). */
  has(now: number): boolean {
    this.refill(now);
    return this.tokens >= 1;
  }

  /** True when the bucket is back to full: it remembers nothing worth keeping. */
  full(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.burst;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.last);
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000);
  }
}

export interface CommandLimitOptions {
  /** Sustained commands per second per socket. */
  perSecond: number;
  /** Commands a socket may send at once before the rate applies. */
  burst: number;
}

export interface FailedAttemptOptions {
  /** Failed attempts allowed per address per minute (also the burst). Undefined: no limit. */
  perMinute: number | undefined;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
  /** Most addresses remembered at once; beyond, the fullest buckets are forgotten first. */
  maxAddresses?: number;
}

/**
 * Counts FAILED attempts per client address — handshakes and HTTP lookups that name an unknown room
 * or a wrong key — to make room-code and key guessing slow. Successes cost nothing: a whole group on
 * one venue's Wi-Fi shares an address. Once an address has used its allowance, every attempt from
 * it is refused (`rate_limited`), successes included: answering a right guess while refusing wrong
 * ones would still be an oracle. The allowance refills continuously (`perMinute` a minute).
 */
export class FailedAttemptLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly maxAddresses: number;

  constructor(private readonly opts: FailedAttemptOptions) {
    this.maxAddresses = opts.maxAddresses ?? 100_000;
  }

  get enabled(): boolean {
    return this.opts.perMinute !== undefined;
  }

  /** True when the address may try (it has allowance left). */
  allows(address: string, now: number): boolean {
    return this.buckets.get(address)?.has(now) ?? true;
  }

  /** Records a failed attempt from the address. */
  fail(address: string, now: number): void {
    const perMinute = this.opts.perMinute;
    if (perMinute === undefined) return;
    let bucket = this.buckets.get(address);
    if (!bucket) {
      if (this.buckets.size >= this.maxAddresses) this.prune(now);
      bucket = new TokenBucket(perMinute / 60, perMinute, now);
      this.buckets.set(address, bucket);
    }
    bucket.take(now);
  }

  /**
   * Records a refused attempt if its code is one a guesser gets: an unknown room, a wrong key or
   * token, a revoked token. Mistakes of people who found the room (a name taken, a locked or full
   * room) do not count.
   */
  failedWith(address: string, code: string, now: number): void {
    if (GUESS_FAILURES.has(code)) this.fail(address, now);
  }

  /** Number of addresses remembered (full buckets are forgotten on pruning). */
  size(now: number): number {
    this.prune(now);
    return this.buckets.size;
  }

  /** The address of a Socket.IO handshake, grouped as `addressKey` groups it. */
  addressOf(req: IncomingMessage): string {
    const forwarded = this.opts.trustProxy ? req.headers['x-forwarded-for'] : undefined;
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    return addressKey(first || req.socket.remoteAddress || 'unknown');
  }

  private prune(now: number): void {
    for (const [address, bucket] of this.buckets) if (bucket.full(now)) this.buckets.delete(address);
    // Still too many (a flood from many addresses): forget the oldest; they start afresh.
    for (const address of this.buckets.keys()) {
      if (this.buckets.size < this.maxAddresses) break;
      this.buckets.delete(address);
    }
  }
}

/** The refusals that tell a guesser "wrong": they count toward the per-IP allowance. */
export const GUESS_FAILURES: ReadonlySet<string> = new Set(['room_not_found', 'bad_credentials', 'removed']);

/**
 * The key an address is limited under: IPv4 as it is (an IPv4-mapped IPv6 address as its IPv4),
 * IPv6 by its /64 prefix, since one subscriber usually holds a whole /64.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address.toLowerCase();
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
