import type { RoomState } from '../core/state';

/** How the service reaches connected people, whatever carries it (Socket.IO, with or without Redis). */
export interface RoomBroadcaster {
  /** Sends each role the view of `next`, skipping a role whose view did not change. */
  publish(prev: RoomState, next: RoomState, now: number): void;
  /** Tells a member's sockets why they must leave, then disconnects them. */
  eject(code: string, memberId: string, reason: string): void;
}
