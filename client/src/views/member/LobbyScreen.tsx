import type { LobbyView, RoomView } from '../../../../shared/views';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { PageShell } from '../../components/PageShell';
import { useCommand } from '../../hooks/use-command';
import type { RoomConnection } from '../../socket/use-room';
import { SupportContacts } from './SupportContacts';

interface LobbyScreenProps {
  lobby: LobbyView;
  conn: RoomConnection<RoomView>;
}

/** Before entering: the group's agreements to accept, or the wait until the facilitator lets them in. */
export function LobbyScreen({ lobby, conn }: LobbyScreenProps) {
  const command = useCommand(conn);
  const consent = lobby.status === 'consent';
  return (
    <PageShell title={consent ? 'Agreements' : 'Waiting to be let in'} subtitle={lobby.title} narrow>
      <ConnectionBanner status={conn.status} />
      <section className="card lobby" aria-labelledby="lobby-heading">
        <h1 id="lobby-heading">{consent ? 'Before you join' : 'You are in the waiting room'}</h1>
        {lobby.disclaimer !== '' && <p className="lobby-disclaimer">{lobby.disclaimer}</p>}
        {consent ? (
          <>
            <h2>Our agreements</h2>
            <ol className="lobby-agreements">
              {lobby.agreements.map((agreement) => (
                <li key={agreement}>{agreement}</li>
              ))}
            </ol>
            <button
              type="button"
              className="btn btn-primary btn-large btn-block"
              disabled={conn.status !== 'connected' || command.pending}
              onClick={() => void command.run({ type: 'consent.accept' })}
            >
              I agree
            </button>
          </>
        ) : (
          <p role="status">
            Thank you. The facilitator will let you in shortly; this page will change by itself.
          </p>
        )}
        {command.error !== null && (
          <p className="notice notice-error" role="alert">
            {command.error}
          </p>
        )}
      </section>
      <SupportContacts resources={lobby.resources} />
    </PageShell>
  );
}
