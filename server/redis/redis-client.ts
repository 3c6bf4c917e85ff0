import type { Logger } from 'pino';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof newClient>;

/**
 * Longest one command may wait for its reply (ms). The store answers `unavailable` within a second,
 * so a command to a Redis that hangs (rather than refuses) must give up well before that.
 */
export const COMMAND_TIMEOUT_MS = 800;

export interface RedisClientRole {
  /** Shown in logs and in Redis's CLIENT LIST (e.g. `ck-store`). */
  name: string;
  /**
   * Store and presence fail commands at once while disconnected, so that callers answer
   * `unavailable` instead of hanging; pub/sub clients keep their offline queue so that
   * subscriptions made during an outage are sent when Redis returns.
   */
  failWhileOffline: boolean;
}

/** Reconnect delay (ms) after `retries` failed attempts: 50 ms doubling up to 2 s, with jitter. */
export function reconnectDelay(retries: number): number {
  return Math.min(50 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);
}

/**
 * A client that never stops trying to reconnect and never throws from an 'error' event (an
 * EventEmitter 'error' without a listener would end the process). Not connected yet: call
 * `connectWithin`.
 */
export function createRedisClient(url: string, log: Logger, role: RedisClientRole): RedisClient {
  const client = newClient(url, role);
  // Each failed reconnect attempt emits 'error': report the outage once, and its end once.
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    log.warn({ client: role.name, reason: err.message }, 'Redis connection lost; reconnecting');
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log.info({ client: role.name }, 'Redis connection restored');
  });
  return client;
}

function newClient(url: string, role: RedisClientRole) {
  return createClient({
    url,
    name: role.name,
    disableOfflineQueue: role.failWhileOffline,
    ...(role.failWhileOffline ? { commandOptions: { timeout: COMMAND_TIMEOUT_MS } } : {}),
    socket: { connectTimeout: 1000, reconnectStrategy: reconnectDelay },
  });
}

/**
 * Starts connecting and waits up to `ms` for the connection. A Redis that is down at start does not
 * stop the process: it keeps reconnecting, answers `unavailable` meanwhile and /readyz says 503.
 */
export async function connectWithin(client: RedisClient, ms: number): Promise<boolean> {
  const connecting = client.connect().then(
    () => true,
    () => false,
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([connecting, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes gracefully when connected (pending replies arrive), at once otherwise. */
export async function closeClient(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  if (!client.isReady) {
    client.destroy();
    return;
  }
  try {
    await client.close();
  } catch {
    client.destroy();
  }
}
