import type { ErrorCode } from '../../../shared/errors';
import type { Nudge, RemovedReason, Welcome } from '../../../shared/events';
import type { Summary } from '../../../shared/summary';
import type { AnyView, LobbyView } from '../../../shared/views';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused' | 'removed';

/** What a page renders from: replaced as a whole on every change, never mutated. */
export interface RoomSnapshot<V extends AnyView = AnyView> {
  status: ConnectionStatus;
  errorCode: ErrorCode | null;
  /** The welcome, kept up to date by the `status` and `role` events that follow it. */
  welcome: Welcome | null;
  view: V | null;
  /** A member who is not let in yet (agreements to accept, or waiting) gets this instead of `view`. */
  lobby: LobbyView | null;
  /** Why the server sent this connection away, once status is `removed`. */
  removedReason: RemovedReason | null;
  /** The last private nudge to this phone (holder only). */
  nudge: Nudge | null;
  /** The end-of-circle summary (facilitators, on `room.end`). */
  summary: Summary | null;
  /** True once the clock offset was measured from round trips (not only guessed from `welcome`). */
  clockSynced: boolean;
}

export const INITIAL_SNAPSHOT: RoomSnapshot = {
  status: 'connecting',
  errorCode: null,
  welcome: null,
  view: null,
  lobby: null,
  removedReason: null,
  nudge: null,
  summary: null,
  clockSynced: false,
};
