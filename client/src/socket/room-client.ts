import type { HandshakeAuth } from '../../../shared/auth';
import { ClockKeeper } from '../../../shared/clock-offset';
import type { Command } from '../../../shared/commands';
import type { Welcome } from '../../../shared/events';
import type { Result } from '../../../shared/results';
import { SummarySchema } from '../../../shared/summary';
import { measureClockOffset } from './clock-sync';
import { INITIAL_SNAPSHOT, type RoomSnapshot } from './connection-status';
import { dropMemberToken, saveMemberToken } from './member-token';
import { isNewer, parseState } from './parse-view';
import { openRoomSocket, type RoomSocket } from './room-socket';
import {
  NudgeSchema,
  parseResult,
  RemovedSchema,
  RoleEventSchema,
  StatusEventSchema,
  toErrorCode,
  unavailable,
  WelcomeSchema,
} from './wire-schemas';

const COMMAND_TIMEOUT_MS = 5000;
/** Clocks drift (phones by up to seconds a day): re-estimate every 5 minutes. */
const CLOCK_REFRESH_MS = 5 * 60_000;
/** After a server-side disconnect that was not a removal (e.g. a restart), try again after 1–3 s. */
const SERVER_DISCONNECT_RETRY_MS = 1000;

/**
 * One live connection to a room, independent of React: owns the socket, the last applied view
 * and the clock offset, and publishes immutable snapshots to subscribers.
 */
export class RoomClient {
  private readonly socket: RoomSocket;
  private snapshot: RoomSnapshot = INITIAL_SNAPSHOT;
  private readonly listeners = new Set<() => void>();
  private offsetMs = 0;
  /** Version of the last applied state, view or lobby alike (they share one counter). */
  private lastVersion: number | null = null;
  private everConnected = false;
  private clockTimer: ReturnType<typeof setInterval> | undefined;
  /** The estimate kept across measurements, and when an imprecise one is measured again. */
  private readonly clock = new ClockKeeper();
  private clockRetry: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly auth: HandshakeAuth,
    url?: string,
  ) {
    this.socket = openRoomSocket(auth, url);
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    this.socket.on('connect_error', (error) => this.onConnectError(error.message));
    this.socket.on('welcome', (payload) => this.onWelcome(payload));
    this.socket.on('state', (payload) => this.onState(payload));
    this.socket.on('removed', (payload) => this.onRemoved(payload));
    this.socket.on('status', (payload) => this.onWelcomeChange(StatusEventSchema.safeParse(payload).data));
    this.socket.on('role', (payload) => this.onWelcomeChange(RoleEventSchema.safeParse(payload).data));
    this.socket.on('nudge', (payload) => {
      const nudge = NudgeSchema.safeParse(payload);
      if (nudge.success) this.update({ nudge: nudge.data });
    });
    this.socket.on('summary', (payload) => {
      const summary = SummarySchema.safeParse(payload);
      if (summary.success) this.update({ summary: summary.data });
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): RoomSnapshot => this.snapshot;

  /** The server's clock now, in epoch ms. */
  serverNow = (): number => Date.now() + this.offsetMs;

  /** Sends a command; every call resolves, with `unavailable` when offline or unanswered in 5 s. */
  send = async (command: Command): Promise<Result> => {
    // socket.io-client would buffer an emit made while offline and replay it on reconnect,
    // long after the person pressed the button: refuse instead.
    if (!this.socket.connected) return unavailable();
    try {
      return parseResult(await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck('command', command));
    } catch {
      return unavailable('The server did not answer in time. Please try again.');
    }
  };

  /** Called when the page becomes visible again: reconnect now, or refresh the clock offset. */
  resync(): void {
    if (this.closed || this.snapshot.status === 'removed' || this.snapshot.status === 'refused') return;
    if (this.socket.connected) {
      // After sleep a socket may look connected over a dead link: no clock answer means reconnect.
      void this.estimateClock().then((answered) => {
        if (!answered && !this.closed && this.socket.connected) this.reconnectNow();
      });
      return;
    }
    this.reconnectNow();
  }

  /** Skips the rest of socket.io's backoff wait: a phone that wakes up should reconnect at once. */
  private reconnectNow(): void {
    this.socket.disconnect();
    this.socket.connect();
    this.update({ status: this.everConnected ? 'reconnecting' : 'connecting' });
  }

  close(): void {
    this.closed = true;
    clearInterval(this.clockTimer);
    clearTimeout(this.clockRetry);
    clearTimeout(this.retryTimer);
    this.listeners.clear();
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private onConnect(): void {
    this.everConnected = true;
    this.update({ status: 'connected', errorCode: null });
    this.clock.reset();
    clearTimeout(this.clockRetry);
    void this.estimateClock();
    clearInterval(this.clockTimer);
    this.clockTimer = setInterval(() => void this.estimateClock(), CLOCK_REFRESH_MS);
  }

  private onDisconnect(reason: string): void {
    clearInterval(this.clockTimer);
    clearTimeout(this.clockRetry);
    if (this.closed || this.snapshot.status === 'removed') return;
    this.update({ status: 'reconnecting' });
    // socket.io does not reconnect by itself after the server closed the socket on purpose.
    if (reason === 'io server disconnect') {
      this.retryTimer = setTimeout(
        () => this.socket.connect(),
        SERVER_DISCONNECT_RETRY_MS * (1 + 2 * Math.random()),
      );
    }
  }

  private onConnectError(message: string): void {
    const code = toErrorCode(message);
    if (this.socket.active) {
      // A transport failure: socket.io retries with its backoff.
      this.update({ status: this.everConnected ? 'reconnecting' : 'connecting' });
      return;
    }
    if (code === 'bad_credentials' && 'memberToken' in this.auth) dropMemberToken(this.auth.code);
    if (code === 'removed' || code === 'room_ended') {
      dropMemberToken(this.auth.code);
      this.update({
        status: 'removed',
        errorCode: code,
        removedReason: code === 'removed' ? 'removed' : 'ended',
      });
      return;
    }
    this.update({ status: 'refused', errorCode: code ?? 'unavailable' });
  }

  private onWelcome(payload: unknown): void {
    const welcome = WelcomeSchema.safeParse(payload);
    if (!welcome.success) return;
    const { memberToken, serverNow } = welcome.data;
    if (memberToken !== undefined) {
      saveMemberToken(this.auth.code, memberToken);
      // Reconnect as the same member, not as a new one under a name that is now taken.
      this.socket.auth = { code: this.auth.code, memberToken };
    }
    // A first guess until the round trips are measured (off by at most the one-way latency).
    if (!this.snapshot.clockSynced) this.offsetMs = serverNow - Date.now();
    this.update({ welcome: welcome.data });
  }

  private onState(payload: unknown): void {
    const parsed = parseState(payload, this.role());
    if (parsed === null) return;
    const version = parsed.kind === 'view' ? parsed.view.version : parsed.lobby.version;
    if (!isNewer(version, this.lastVersion)) return;
    this.lastVersion = version;
    this.update(
      parsed.kind === 'view' ? { view: parsed.view, lobby: null } : { lobby: parsed.lobby, view: null },
    );
  }

  /** `status` and `role` events amend the welcome; the next `state` follows them. */
  private onWelcomeChange(
    change: { status: Welcome['status'] } | { role: Welcome['role'] } | undefined,
  ): void {
    const welcome = this.snapshot.welcome;
    if (change !== undefined && welcome !== null) this.update({ welcome: { ...welcome, ...change } });
  }

  private role(): Welcome['role'] {
    if (this.snapshot.welcome !== null) return this.snapshot.welcome.role;
    if ('facilitatorKey' in this.auth) return 'facilitator';
    return 'displayKey' in this.auth ? 'display' : 'member';
  }

  private onRemoved(payload: unknown): void {
    const removed = RemovedSchema.safeParse(payload);
    if (!removed.success) return;
    dropMemberToken(this.auth.code);
    this.update({ status: 'removed', errorCode: 'removed', removedReason: removed.data.reason });
  }

  /**
   * Measures the clock offset; false when the server did not answer a single round trip. An
   * imprecise estimate (every round trip slow) is measured again soon (shared/clock-offset.ts).
   */
  private async estimateClock(): Promise<boolean> {
    const measured = await measureClockOffset(this.socket);
    if (measured === null) return false;
    if (this.closed) return true;
    const { kept, againInMs } = this.clock.take(measured);
    this.offsetMs = kept.offsetMs;
    clearTimeout(this.clockRetry);
    if (againInMs !== null) this.clockRetry = setTimeout(() => void this.estimateClock(), againInMs);
    this.update({ clockSynced: true });
    return true;
  }

  private update(change: Partial<RoomSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
