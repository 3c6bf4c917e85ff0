/**
 * What the runner and its child processes say to each other over IPC (advanced serialization,
 * so typed arrays travel as they are). Instants are performance.timeOrigin + performance.now():
 * one clock for every process on this machine, in milliseconds.
 */

export type Target = 'circlekeeper' | 'floor';

/** One room as a load generator needs it. The floor needs only the code. */
export interface RoomSpec {
  code: string;
  facilitatorKey?: string;
  displayKey?: string;
}

// ---- server child ----
export type ServerInbound = { type: 'probe'; id: number; gc: boolean; snapshotTo?: string };
export type ServerOutbound =
  | { type: 'listening'; port: number }
  | { type: 'probe'; id: number; probe: Probe };

export interface Probe {
  /** process.cpuUsage(): microseconds. */
  userUs: number;
  systemUs: number;
  /**
   * The main thread's share of that CPU time (µs), apart from V8's GC helpers and libuv's pool,
   * and the time it was ready but waited for a core (µs): bench/schedstat.ts (NaN off Linux).
   */
  mainThreadUs: number;
  mainThreadWaitUs: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** V8's heap by space (new_space, old_space, …): bytes committed and bytes used. */
  spaces: Record<string, { size: number; used: number }>;
  /** The event loop's delay since the previous probe (ms): how long ready work waited for the loop. */
  loopDelay: { p50: number; p99: number; max: number };
  /**
   * V8's garbage-collection pauses of the main thread since the previous probe: scavenges of the
   * young generation, steps of incremental marking (and weak callbacks), and full mark-compacts.
   */
  gc: { minor: GcPauses; incremental: GcPauses; major: GcPauses };
  /** Instant of the probe (ms). */
  at: number;
  /** The heap snapshot written, when one was asked for. */
  snapshot?: string;
}

export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

// ---- load-generator child ----
export type ClientInbound =
  | {
      type: 'connect';
      target: Target;
      /** One URL per server process. */
      urls: string[];
      rooms: RoomSpec[];
      /** Index of this generator's first room in the whole run (spreads rooms over server processes). */
      firstRoom: number;
      members: number;
      /** Handshakes in flight at once in this generator. */
      concurrency: number;
    }
  | { type: 'setup' }
  | { type: 'run'; durationMs: number; periodMs: number; drainMs: number }
  | { type: 'close' };

export type ClientOutbound =
  | {
      type: 'connected';
      sockets: number;
      failed: number;
      errors: Record<string, number>;
      startedAt: number;
      doneAt: number;
    }
  | { type: 'ready'; failed: number }
  | { type: 'result'; result: ClientResult };

export interface ClientResult {
  /** Command → state latency (ms) at every receiver whose server process is the sender's. */
  sameProcess: Float64Array;
  /** The same, at receivers connected to another server process than the sender's. */
  crossProcess: Float64Array;
  /** Command → ack (ms) at the facilitator. */
  ackMs: Float64Array;
  commandsSent: number;
  commandsAcked: number;
  commandsRefused: number;
  commandsTimedOut: number;
  expectedDeliveries: number;
  deliveries: number;
  /** Deliveries made by a later state (the server merged the change into the next one). */
  superseded: number;
  /** States received out of order or twice since the connect storm began (dropped, as clients do). */
  stale: number;
  /** Sockets that disconnected during the run. */
  disconnects: number;
  /** JSON length (bytes) of sampled state payloads, by role. */
  bytes: Record<string, number[]>;
  /** Deliveries counted between the first and the last send. */
  windowDeliveries: number;
  windowMs: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  /** Time the generator's main thread was ready but waited for a core (µs; bench/schedstat.ts). */
  waitUs: number;
}
