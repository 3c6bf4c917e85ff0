import { io, type Socket } from 'socket.io-client';
import type { ClientInbound, ClientOutbound, ClientResult, RoomSpec, Target } from './messages';
import { mainThreadSched } from './schedstat';
import { type StateHead, versionParser } from './version-parser';

/**
 * A load generator: one child process holding whole rooms (facilitator, display and members), so
 * that a command's send instant and every receipt of the state it caused are read on one clock.
 * Latency is matched by version: the facilitator's ack names the version its command made, and
 * every receiver notes the instant each version arrived. A state is the whole view, so the first
 * state a receiver gets at or after a version delivers that version's change: when the server
 * merges changes of one room (its merge window), a skipped version is delivered by the later state.
 */
type Role = 'facilitator' | 'member' | 'display';

interface Peer {
  socket: Socket;
  role: Role;
  /** Index of the server process this socket is connected to. */
  server: number;
  memberId?: string;
  lastVersion: number;
  /** Receipts during the run, flattened: version, instant (versions rise: stale ones are dropped). */
  receipts: number[];
}

interface RoomRun {
  spec: RoomSpec;
  /** Index of the server process of the facilitator (the sender). */
  senderServer: number;
  peers: Peer[];
  /** Version made by a command → its send instant. */
  sent: Map<number, number>;
  nextSign: 1 | -1;
}

const now = () => performance.now();
const send = (message: ClientOutbound) => process.send?.(message);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const rooms: RoomRun[] = [];
let target: Target = 'circlekeeper';
let recording = false;
let stale = 0;
let disconnects = 0;
let windowStart = 0;
let windowEnd = Number.POSITIVE_INFINITY;
let windowDeliveries = 0;
const bytes: Record<Role, number[]> = { facilitator: [], member: [], display: [] };

process.on('message', (raw) => {
  const message = raw as ClientInbound;
  const handle = {
    connect: () => connectAll(message as Extract<ClientInbound, { type: 'connect' }>),
    setup: () => setup(),
    run: () => run(message as Extract<ClientInbound, { type: 'run' }>),
    close: async () => {
      for (const room of rooms) for (const peer of room.peers) peer.socket.close();
      await sleep(200);
      process.exit(0);
    },
  }[message.type];
  handle().catch((err: unknown) => {
    console.error('load generator failed:', err);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));

async function connectAll(msg: Extract<ClientInbound, { type: 'connect' }>): Promise<void> {
  target = msg.target;
  const n = msg.urls.length;
  const jobs: (() => Promise<void>)[] = [];
  msg.rooms.forEach((spec, i) => {
    const roomIndex = msg.firstRoom + i;
    const senderServer = roomIndex % n;
    const room: RoomRun = { spec, senderServer, peers: [], sent: new Map(), nextSign: 1 };
    rooms.push(room);
    // The facilitator first (on the room's own process), then the display and members spread over
    // the processes so that, with several, most receivers are on another process than the sender.
    const roles: Role[] = ['facilitator', 'display', ...Array<Role>(msg.members).fill('member')];
    roles.forEach((role, j) => {
      const server = (senderServer + j) % n;
      jobs.push(() => connectPeer(room, role, server, msg.urls[server]!, j));
    });
  });
  const errors: Record<string, number> = {};
  let failed = 0;
  const startedAt = performance.timeOrigin + now();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      try {
        await job();
      } catch (err) {
        failed++;
        const key = (err as Error).message;
        errors[key] = (errors[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(msg.concurrency, jobs.length) }, worker));
  const doneAt = performance.timeOrigin + now();
  send({ type: 'connected', sockets: jobs.length - failed, failed, errors, startedAt, doneAt });
}

function authFor(room: RoomSpec, role: Role, j: number): object {
  if (target === 'floor') return { code: room.code, role };
  if (role === 'facilitator') return { code: room.code, facilitatorKey: room.facilitatorKey };
  if (role === 'display') return { code: room.code, displayKey: room.displayKey };
  return { code: room.code, name: `Member ${j - 1}` };
}

/** Connects one socket; resolves once it is welcomed and has its first state. */
function connectPeer(room: RoomRun, role: Role, server: number, url: string, j: number): Promise<void> {
  const socket = io(url, {
    auth: authFor(room.spec, role, j),
    transports: ['websocket'],
    parser: versionParser,
    forceNew: true,
    reconnection: false,
    timeout: 120_000,
  });
  const peer: Peer = { socket, role, server, lastVersion: -1, receipts: [] };
  socket.on('state', (view: StateHead) => {
    if (view.version <= peer.lastVersion) {
      stale++;
      return;
    }
    peer.lastVersion = view.version;
    if (!recording) return;
    const t = now();
    peer.receipts.push(view.version, t);
    if (t >= windowStart && t <= windowEnd) windowDeliveries++;
    // The first few states of each role are measured (every room has the same shape).
    if (bytes[role].length < 50) bytes[role].push(view.bytes);
  });
  socket.on('disconnect', () => {
    if (recording) disconnects++;
  });
  return new Promise((resolve, reject) => {
    let welcomed = false;
    socket.once('connect_error', (err: Error & { description?: unknown }) => {
      socket.close();
      // Engine.IO's transport errors carry the underlying cause (e.g. an HTTP status or a reset).
      const { description } = err;
      const cause =
        typeof description === 'object' && description !== null && 'message' in description
          ? description.message
          : description;
      reject(new Error(cause ? `${err.message}: ${String(cause)}` : err.message));
    });
    socket.once('welcome', (welcome: { memberId?: string }) => {
      welcomed = true;
      if (welcome.memberId) peer.memberId = welcome.memberId;
    });
    socket.once('state', () => {
      if (!welcomed) return reject(new Error('state before welcome'));
      room.peers.push(peer);
      resolve();
    });
  });
}

/** Circlekeeper: the first member takes the piece and their timer runs, so timer.add changes every view. */
async function setup(): Promise<void> {
  let failed = 0;
  if (target === 'circlekeeper') {
    await Promise.all(
      rooms.map(async (room) => {
        const facilitator = room.peers.find((p) => p.role === 'facilitator');
        const member = room.peers.find((p) => p.role === 'member' && p.memberId);
        if (!facilitator || !member) return void failed++;
        const commands = [
          { type: 'piece.give', memberId: member.memberId },
          { type: 'timer.start', seconds: 3600 },
        ];
        for (const command of commands) {
          try {
            const result = await facilitator.socket.timeout(30_000).emitWithAck('command', command);
            if (!result.ok) failed++;
          } catch {
            failed++;
          }
        }
      }),
    );
  }
  send({ type: 'ready', failed });
}

async function run(msg: Extract<ClientInbound, { type: 'run' }>): Promise<void> {
  const cpuBefore = process.cpuUsage();
  const schedBefore = mainThreadSched();
  const ack: number[] = [];
  let commandsSent = 0;
  let commandsAcked = 0;
  let commandsRefused = 0;
  let commandsTimedOut = 0;
  const inFlight = new Set<Promise<void>>();
  // Each run is a window of its own (--interleave runs several on the same sockets): the versions
  // sent and the receipts of an earlier window are not this one's. `stale` and `disconnects` count
  // from the connect storm on.
  for (const room of rooms) {
    room.sent.clear();
    for (const peer of room.peers) peer.receipts = [];
  }
  windowDeliveries = 0;
  recording = true;
  const start = now();
  windowStart = start;
  windowEnd = start + msg.durationMs;
  const timers: NodeJS.Timeout[] = [];

  const fire = (room: RoomRun, facilitator: Peer) => {
    if (now() >= windowEnd) return;
    const command = { type: 'timer.add', seconds: room.nextSign };
    room.nextSign = room.nextSign === 1 ? -1 : 1;
    commandsSent++;
    const sentAt = now();
    const work = facilitator.socket
      .timeout(10_000)
      .emitWithAck('command', command)
      .then(
        (result: { ok: boolean; version?: number }) => {
          ack.push(now() - sentAt);
          if (result.ok && typeof result.version === 'number') {
            commandsAcked++;
            room.sent.set(result.version, sentAt);
          } else commandsRefused++;
        },
        () => void commandsTimedOut++,
      );
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  for (const room of rooms) {
    const facilitator = room.peers.find((p) => p.role === 'facilitator');
    if (!facilitator) continue;
    // Spread the rooms' sends evenly over the period, then keep each room's own cadence.
    const offset = Math.random() * msg.periodMs;
    timers.push(
      setTimeout(() => {
        fire(room, facilitator);
        timers.push(setInterval(() => fire(room, facilitator), msg.periodMs));
      }, offset),
    );
  }
  await sleep(msg.durationMs);
  for (const t of timers) clearTimeout(t);
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  await sleep(msg.drainMs);
  recording = false;

  const same: number[] = [];
  const cross: number[] = [];
  let expectedDeliveries = 0;
  let deliveries = 0;
  let superseded = 0;
  for (const room of rooms) {
    const versions = [...room.sent.keys()].sort((a, b) => a - b);
    expectedDeliveries += versions.length * room.peers.length;
    for (const peer of room.peers) {
      const latencies = peer.server === room.senderServer ? same : cross;
      const r = peer.receipts;
      let next = 0;
      for (let i = 0; i < r.length; i += 2) {
        const version = r[i]!;
        // This state shows every acked change up to its version.
        for (; next < versions.length && versions[next]! <= version; next++) {
          const v = versions[next]!;
          deliveries++;
          if (v !== version) superseded++;
          latencies.push(r[i + 1]! - room.sent.get(v)!);
        }
      }
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  const result: ClientResult = {
    sameProcess: Float64Array.from(same),
    crossProcess: Float64Array.from(cross),
    ackMs: Float64Array.from(ack),
    commandsSent,
    commandsAcked,
    commandsRefused,
    commandsTimedOut,
    expectedDeliveries,
    deliveries,
    superseded,
    stale,
    disconnects,
    bytes,
    windowDeliveries,
    windowMs: msg.durationMs,
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    waitUs: mainThreadSched().waitUs - schedBefore.waitUs,
  };
  send({ type: 'result', result });
}
