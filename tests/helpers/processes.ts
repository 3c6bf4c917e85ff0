import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other run uses, so that runs can share a Redis and clean up after themselves. */
export function uniquePrefix(what = 'test'): string {
  return `ck-${what}-${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}:`;
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Polls `check` until it holds; fails with `what` after `timeoutMs`, or at once if `check` throws.
 * For what no event announces.
 */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
  everyMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Every child still running, killed if the test process exits first (a test that timed out). */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A child process whose output is kept (the last 64 kB) for the error message of a failed test. */
class Child {
  private log = '';
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-64 * 1024);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    children.add(child);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code) => {
        children.delete(child);
        resolve(code);
      });
      // A program that cannot start (not installed) emits 'error' and never 'exit'.
      child.once('error', (err) => {
        this.log += `\n${err.message}`;
        resolve(null);
      });
    });
  }

  get running(): boolean {
    return this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return this.log;
  }

  /** Sends `signal` and waits for the exit; SIGKILL if it takes longer than `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  running: boolean;
  output(): string;
  /** SIGTERM: a graceful shutdown. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, nothing cleaned up. */
  kill(): Promise<void>;
}

/**
 * Starts `server/main.ts` as a real process on a free port, on Redis (a unique prefix per run),
 * and resolves once it answers /healthz and /readyz.
 */
export async function startServerProcess(opts: {
  redisUrl: string;
  prefix: string;
  env?: Record<string, string>;
  readyWithinMs?: number;
}): Promise<ServerProcess> {
  const port = await freePort();
  const proc = new Child(
    spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './tests/helpers/exit-with-parent.ts', 'server/main.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          REDIS_URL: opts.redisUrl,
          REDIS_PREFIX: opts.prefix,
          LOG_LEVEL: 'warn',
          LIMITS_PER_IP: 'off',
          CK_TEST_PARENT_PID: String(process.pid),
          ...opts.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(
      async () => {
        if (!proc.running) throw new Error(`the server on port ${port} exited`);
        return (await fetch(`${url}/readyz`).catch(() => null))?.status === 200;
      },
      `the server on port ${port} to be ready`,
      // tsx compiles the sources at start: on a busy machine that takes a while.
      opts.readyWithinMs ?? 45_000,
      100,
    );
  } catch (err) {
    await proc.stop('SIGKILL');
    throw new Error(`${(err as Error).message}\n--- server output ---\n${proc.output()}`);
  }
  return {
    url,
    port,
    pid: proc.child.pid ?? 0,
    get running() {
      return proc.running;
    },
    output: () => proc.output(),
    stop: () => proc.stop('SIGTERM'),
    kill: () => proc.stop('SIGKILL'),
  };
}

/** Deletes every key under `prefix` (a test run's own keys). */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const client = createClient({ url: redisUrl, socket: { reconnectStrategy: false, connectTimeout: 2000 } });
  client.on('error', () => {});
  await client.connect();
  try {
    const doomed: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) doomed.push(...batch);
    for (let i = 0; i < doomed.length; i += 500) await client.del(doomed.slice(i, i + 500));
  } finally {
    client.destroy();
  }
}

/** A redis-server of a test's own (on a free port, append-only in a temporary folder) that it may kill. */
export class RedisServerProcess {
  private proc: Child | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'ck-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServerProcess> {
    if (spawnSync('redis-server', ['--version']).status !== 0) {
      throw new Error('redis-server is not installed: apt-get install -y redis-server');
    }
    const server = new RedisServerProcess(await freePort());
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts it (again) on the same port and folder, so that it reloads its append-only file. */
  async restart(): Promise<void> {
    if (this.proc?.running) throw new Error('redis-server is already running');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes'];
    this.proc = new Child(
      spawn('redis-server', [...args, '--dir', this.dir], { stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    const proc = this.proc;
    await waitUntil(
      async () => {
        if (!proc.running) throw new Error('exited');
        return answers(this.url);
      },
      `redis-server on port ${this.port}`,
      10_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${proc.output()}`);
    });
  }

  /** SIGKILL: Redis dies at once; what it acknowledged is in its append-only file. */
  async kill(): Promise<void> {
    await this.proc?.stop('SIGKILL');
  }

  async dispose(): Promise<void> {
    await this.proc?.stop('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function answers(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 500 } });
  client.on('error', () => {});
  try {
    await client.connect();
    // A Redis still loading its append-only file answers LOADING, which ping turns into a rejection.
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

export interface Cluster {
  servers: ServerProcess[];
  prefix: string;
  /** Stops every process still running and deletes the run's keys. */
  close(): Promise<void>;
}

/** `count` server processes on one Redis under a fresh prefix: one cluster of this run's own. */
export async function startCluster(opts: {
  count: number;
  redisUrl?: string;
  env?: Record<string, string>;
}): Promise<Cluster> {
  const redisUrl = opts.redisUrl ?? REDIS_URL;
  const prefix = uniquePrefix('cluster');
  const started = await Promise.allSettled(
    Array.from({ length: opts.count }, () => startServerProcess({ redisUrl, prefix, env: opts.env })),
  );
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const close = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await deleteKeys(redisUrl, prefix).catch(() => {});
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }
  return { servers, prefix, close };
}
