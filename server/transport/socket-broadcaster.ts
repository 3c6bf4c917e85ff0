import type { Effect } from '../core/effects';
import type { RoomState } from '../core/state';
import { roleViews, shownPartChanged } from '../core/views';
import type { RoomBroadcaster } from '../rooms/broadcaster';
import type { ViewRole } from '../rooms/room-service';
import { deliverEffects, publishLobbies } from './socket-effects';
import { type IoServer, roleRoom } from './socket-types';
import { roleViewsJson } from './view-json';

const ROLES: ViewRole[] = ['facilitator', 'member', 'display'];
/** Windows remembered before the first pruning. */
const PRUNE_FROM = 1024;

/**
 * How long (ms) after a broadcast further changes of the same room are merged into one: half a
 * millisecond per member, at most 100 ms. Every change sends each member a view that lists every
 * member, so a burst of n changes (a reconnect storm) would cost n² member entries on the wire;
 * merging bounds it, while a lone change (the usual case) still goes out at once.
 */
export function mergeWindowMs(state: RoomState): number {
  return Math.min(100, state.members.length * 0.5);
}

/** Changes merged while a room's window is open, to go out as the newest state when it closes. */
interface Merge {
  /** The state whose views went out last. */
  sent: RoomState;
  /** The newest state, and the instant of its change: what goes out when the window closes. */
  latest: RoomState;
  now: number;
}

/**
 * Sends each role's view once per change to that role's Socket.IO room (the adapter encodes it once,
 * and with Redis carries it to every process). A role whose view did not change gets nothing, so a
 * private signal causes no message at all on members' phones or the display. Changes that follow a
 * broadcast within its merge window go out together, as the newest state, when the window closes;
 * a change that finds the window closed (the usual case) goes out at once, and needs no timer.
 */
export class SocketBroadcaster implements RoomBroadcaster {
  /** Rooms with changes waiting for their window to close (each has a timer set). */
  private readonly merging = new Map<string, Merge>();
  /** When (`performance.now()`) the window each room's last send opened closes; pruned as it grows. */
  private readonly windowEnds = new Map<string, number>();
  private pruneAt = PRUNE_FROM;

  constructor(private readonly io: IoServer) {}

  publish(prev: RoomState, next: RoomState, now: number): void {
    const merge = this.merging.get(next.code);
    if (merge) {
      merge.latest = next;
      merge.now = now;
      return;
    }
    const at = performance.now();
    const closesAt = this.windowEnds.get(next.code) ?? at;
    if (at < closesAt) {
      this.merging.set(next.code, { sent: prev, latest: next, now });
      setTimeout(() => this.close(next.code), closesAt - at).unref();
      return;
    }
    this.send(prev, next, now, at);
  }

  /** Nudges, status and role changes, ejections and the end of a room: see socket-effects.ts. */
  deliver(code: string, effects: readonly Effect[], next: RoomState, now: number): void {
    // An ended room has nothing left to show: a change still waiting in its window is dropped.
    if (effects.some((effect) => effect.kind === 'ended')) {
      this.merging.delete(code);
      this.windowEnds.delete(code);
    }
    deliverEffects(this.io, code, effects, next, now);
  }

  /** Forgets closed windows (rooms that went quiet, ended or expired), once the map has doubled. */
  private prune(at: number): void {
    for (const [code, closesAt] of this.windowEnds) if (closesAt <= at) this.windowEnds.delete(code);
    this.pruneAt = Math.max(PRUNE_FROM, this.windowEnds.size * 2);
  }

  private close(code: string): void {
    const merge = this.merging.get(code);
    this.merging.delete(code);
    if (merge) this.send(merge.sent, merge.latest, merge.now, performance.now());
  }

  /**
   * A role's view changed when a part it shows as it is changed; otherwise the two views are built
   * and compared. So the views of the previous state are built only for the roles a change may
   * have left alone (a private signal: members and display), not for every change. The changed
   * views are written as JSON here, together (view-json.ts), and each goes to its role's room.
   */
  private send(prev: RoomState, next: RoomState, now: number, at: number): void {
    const after = roleViews(next, now);
    let before: ReturnType<typeof roleViews> | undefined;
    const changed: ViewRole[] = [];
    for (const role of ROLES) {
      if (!shownPartChanged(prev, next, role)) {
        before ??= roleViews(prev, now);
        if (sameContent(before[role], after[role])) continue;
      }
      changed.push(role);
    }
    for (const [role, json] of roleViewsJson(after, changed))
      this.io.to(roleRoom(next.code, role)).emit('state', json);
    this.windowEnds.set(next.code, at + mergeWindowMs(next));
    if (this.windowEnds.size > this.pruneAt) this.prune(at);
    publishLobbies(this.io, prev, next, now);
  }
}

/**
 * Two views say the same thing when they differ at most in version and serverNow. Compared in place,
 * field by field: no copies and no JSON strings (stringifying both views cost more than encoding the
 * one that is sent). Lists (members, hands, order) are compared last: most changes show in a small
 * field first (the timer, the speaker, the round), and parts the two states share are the same
 * objects in both views, so they compare at once.
 */
function sameContent(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    keys++;
    const value = x[key];
    if (Array.isArray(value) || key === 'version' || key === 'serverNow') continue;
    if (!sameValue(value, y[key])) return false;
  }
  for (const _ in y) keys--;
  if (keys !== 0) return false;
  for (const key in x) {
    const value = x[key];
    if (Array.isArray(value) && !sameValue(value, y[key])) return false;
  }
  return true;
}

/** Deep equality of JSON values (a view holds only objects, arrays, strings, numbers, booleans and null). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    keys++;
    if (!sameValue(x[key], y[key])) return false;
  }
  for (const _ in y) keys--;
  return keys === 0;
}
