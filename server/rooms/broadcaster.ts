import type { Effect } from '../core/effects';
import type { RoomState } from '../core/state';

/** How the service reaches connected people, whatever carries it (Socket.IO, with or without Redis). */
export interface RoomBroadcaster {
  /**
   * Sends each role the view of `next`, skipping a role whose view did not change, and each member
   * outside the circle their lobby view when it changed.
   */
  publish(prev: RoomState, next: RoomState, now: number): void;
  /**
   * Carries out what a command asked beyond its views, in order: nudges, status and role changes
   * (moving the member's sockets between broadcasts), ejections, and the end of the room. `next`
   * is the state written (the tombstone after `room.end`).
   */
  deliver(code: string, effects: readonly Effect[], next: RoomState, now: number): void;
}
