import type { Command, MemberRole, NudgeKind } from './commands';
import type { MemberStatus } from './lobby';
import type { Result } from './results';
import type { Summary } from './summary';
import type { StateView } from './views';

export interface Welcome {
  /** A co-facilitator is a member who receives the facilitator view; their welcome says so. */
  role: 'facilitator' | 'cofacilitator' | 'member' | 'display';
  memberId?: string;
  memberToken?: string;
  /** Members only: where they stand (a member who is not `active` receives the lobby view). */
  status?: MemberStatus;
  serverNow: number;
}

/** Why the server sends a socket away: removed by a facilitator, declined at the door, or the room ended. */
export type RemovedReason = 'removed' | 'declined' | 'ended';

/** A private nudge to the holder's phone only; stored nowhere. `at` is the server instant (ms). */
export interface Nudge {
  kind: NudgeKind;
  at: number;
}

export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  state: (view: StateView) => void;
  removed: (payload: { reason: RemovedReason }) => void;
  /** To a member's sockets when their status changes (e.g. admitted: `active`). */
  status: (payload: { status: MemberStatus }) => void;
  /** To a member's sockets when made co-facilitator or member again; the next `state` follows the role. */
  role: (payload: { role: MemberRole }) => void;
  nudge: (nudge: Nudge) => void;
  /** Once, on `room.end`, to facilitators and co-facilitators, before `removed { reason: 'ended' }`. */
  summary: (summary: Summary) => void;
}

export interface ClientToServerEvents {
  command: (command: Command, ack: (result: Result) => void) => void;
  clock: (ack: (payload: { serverNow: number }) => void) => void;
}
