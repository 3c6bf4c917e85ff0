import type { LobbyView, RoomView } from '../../../../shared/views';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { PageShell } from '../../components/PageShell';
import { useCommand } from '../../hooks/use-command';
import type { RoomConnection } from '../../socket/use-room';
import { MemberBar } from './MemberBar';

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
      <MemberBar help={lobby}>
        <p className="member-self">{consent ? 'Not in the circle yet' : 'In the waiting room'}</p>
      </MemberBar>
      <ConnectionBanner status={conn.status} />
      <section className="card lobby" aria-labelledby="lobby-heading">
        <h1 id="lobby-heading">{consent ? 'Before you join' : 'You are in the waiting room'}</h1>
        {lobby.disclaimer !== '' && <p className="lobby-disclaimer">{lobby.disclaimer}</p>}
        {consent ? (
          <>
            <h2>Our agreements</h2>
            <p className="muted">This circle keeps to these together. Please read them before you join.</p>
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
            <p className="muted lobby-leave">If you would rather not, you can simply close this page.</p>
          </>
        ) : (
          <div className="lobby-waiting" role="status">
            <span className="lobby-waiting-mark" aria-hidden="true" />
            <p>
              Thank you. The facilitator will let you in shortly. This page will change by itself: you can put
              your phone down.
            </p>
          </div>
        )}
        {command.error !== null && (
          <p className="notice notice-error" role="alert">
            {command.error}
          </p>
        )}
      </section>
    </PageShell>
  );
}
