import { execFileSync, spawnSync } from 'node:child_process';
import { createClient } from 'redis';

/**
 * Makes sure a Redis answers at REDIS_URL (default redis://127.0.0.1:6379) before any suite runs:
 * starts the local redis-server when nothing answers, and fails with one clear line otherwise.
 */
export default async function ensureRedis(): Promise<void> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.REDIS_URL = url;
  if (await answers(url)) return;
  const local = /^redis:\/\/(127\.0\.0\.1|localhost)(:6379)?\/?$/.test(url);
  if (local && spawnSync('which', ['redis-server']).status === 0) {
    execFileSync('redis-server', [
      '--daemonize',
      'yes',
      '--bind',
      '127.0.0.1',
      '--port',
      '6379',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    for (let i = 0; i < 50; i++) {
      if (await answers(url)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(
    `Redis does not answer at ${url}: install it (apt-get install -y redis-server) or set REDIS_URL`,
  );
}

async function answers(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (client.isOpen) await client.quit();
  }
}
