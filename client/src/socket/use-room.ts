import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { HandshakeAuth } from '../../../shared/auth';
import type { Command } from '../../../shared/commands';
import type { ErrorCode } from '../../../shared/errors';
import type { Welcome } from '../../../shared/events';
import type { Result } from '../../../shared/results';
import type { AnyView } from '../../../shared/views';
import { type ConnectionStatus, INITIAL_SNAPSHOT, type RoomSnapshot } from './connection-status';
import { RoomClient } from './room-client';
import { unavailable } from './wire-schemas';

export type { ConnectionStatus };

/**
 * A live room connection as a page sees it: the snapshot (status, welcome, view, lobby, …) plus
 * `send` (always resolves; `unavailable` while offline or unanswered for 5 s) and `serverNow()`.
 */
export interface RoomConnection<V> extends Omit<RoomSnapshot, 'view'> {
  status: ConnectionStatus;
  errorCode: ErrorCode | null;
  welcome: Welcome | null;
  view: V | null;
  send(command: Command): Promise<Result>;
  /** The server's clock now (epoch ms): Date.now() corrected by the measured offset. */
  serverNow(): number;
}

const noSubscription = () => () => {};
const idleSnapshot = () => INITIAL_SNAPSHOT;
const sendNowhere = async () => unavailable();

/**
 * Connects to a room while `auth` is not null and re-renders on every change of connection or
 * view. A new connection is made only when the auth's content changes, not its identity.
 */
export function useRoom<V extends AnyView = AnyView>(auth: HandshakeAuth | null): RoomConnection<V> {
  const authKey = auth === null ? null : JSON.stringify(auth);
  const [client, setClient] = useState<RoomClient | null>(null);

  // The connection lives in an effect (not in render) so that StrictMode's mount, unmount and
  // mount again closes the first socket and opens a fresh one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the auth's content, not its identity
  useEffect(() => {
    if (auth === null) return;
    const opened = new RoomClient(auth);
    setClient(opened);
    const resync = () => {
      if (document.visibilityState === 'visible') opened.resync();
    };
    document.addEventListener('visibilitychange', resync);
    window.addEventListener('online', resync);
    return () => {
      document.removeEventListener('visibilitychange', resync);
      window.removeEventListener('online', resync);
      opened.close();
      setClient((current) => (current === opened ? null : current));
    };
  }, [authKey]);

  const snapshot: RoomSnapshot = useSyncExternalStore(
    client?.subscribe ?? noSubscription,
    client?.getSnapshot ?? idleSnapshot,
  );

  return useMemo(
    () => ({
      ...snapshot,
      // The view was parsed with the schema of the connection's role, which the caller names as V.
      view: snapshot.view as V | null,
      send: client?.send ?? sendNowhere,
      serverNow: client?.serverNow ?? Date.now,
    }),
    [snapshot, client],
  );
}
