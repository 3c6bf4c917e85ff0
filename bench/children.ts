import { type ChildProcess, fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ClientInbound, ClientOutbound, Probe, ServerInbound, ServerOutbound } from './messages';

/** A child process speaking the runner's IPC protocol (advanced serialization: typed arrays travel whole). */
export class Child<In, Out extends { type: string }> {
  private readonly waiting: { type: string; resolve: (m: Out) => void; accept: (m: Out) => boolean }[] = [];
  private readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    proc.on('message', (raw) => {
      const message = raw as Out;
      const i = this.waiting.findIndex((w) => w.type === message.type && w.accept(message));
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(message);
    });
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
    void this.exited.then((code) => {
      for (const w of this.waiting.splice(0)) {
        // A child that dies while we wait for it ends the run with its name, not a hang.
        console.error(`${this.name} exited (code ${code}) while the runner waited for '${w.type}'`);
        process.exit(1);
      }
    });
  }

  send(message: In): void {
    this.proc.send(message as object);
  }

  next<T extends Out['type']>(type: T, accept: (m: Extract<Out, { type: T }>) => boolean = () => true) {
    return new Promise<Extract<Out, { type: T }>>((resolve) => {
      this.waiting.push({
        type,
        resolve: resolve as (m: Out) => void,
        accept: accept as (m: Out) => boolean,
      });
    });
  }

  /** Asks politely (SIGTERM), then insists after 5 s. */
  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.waiting.length = 0;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function forkTs(file: string, env: NodeJS.ProcessEnv, execArgv: string[] = []): ChildProcess {
  return fork(here(file), [], {
    // From the project root, so that `--import tsx` resolves whatever the caller's directory.
    cwd: here('..'),
    env,
    execArgv: ['--expose-gc', '--import', 'tsx', ...execArgv],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

export class ServerChild extends Child<ServerInbound, ServerOutbound> {
  private probes = 0;
  port = 0;

  static async start(name: string, file: string, env: NodeJS.ProcessEnv, execArgv: string[] = []) {
    const child = new ServerChild(name, forkTs(file, env, execArgv));
    child.port = (await child.next('listening')).port;
    return child;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async probe(gc = false, snapshotTo?: string): Promise<Probe> {
    const id = ++this.probes;
    const reply = this.next('probe', (m) => m.id === id);
    this.send({ type: 'probe', id, gc, ...(snapshotTo ? { snapshotTo } : {}) });
    return (await reply).probe;
  }
}

export class ClientChild extends Child<ClientInbound, ClientOutbound> {
  /** A load generator, at niceness `nice` (0: as the servers). */
  static start(name: string, nice = 0) {
    const child = new ClientChild(name, forkTs('./load-client.ts', { ...process.env }));
    if (nice > 0 && child.proc.pid !== undefined) setPriority(child.proc.pid, nice);
    return child;
  }
}
