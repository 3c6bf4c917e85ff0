import type { ConnectionStatus } from '../socket/use-room';

/** Says plainly when the live connection is not there, so disabled buttons are never a mystery. */
export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  if (status !== 'reconnecting' && status !== 'connecting') return null;
  return (
    <p className="notice notice-warn connection-banner" role="status">
      {status === 'reconnecting' ? 'Reconnecting… Your place in the room is kept.' : 'Connecting…'}
    </p>
  );
}
