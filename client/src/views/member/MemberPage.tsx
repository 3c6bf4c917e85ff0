import { useEffect, useState } from 'react';
import type { HandshakeAuth } from '../../../../shared/auth';
import type { ErrorCode } from '../../../../shared/errors';
import type { RoomView } from '../../../../shared/views';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { PageShell } from '../../components/PageShell';
import { StatusCard } from '../../components/StatusCard';
import { loadMemberToken } from '../../socket/member-token';
import { useRoom } from '../../socket/use-room';
import { FacilitatorDashboard } from '../facilitator/FacilitatorView';
import { GoneScreen } from './GoneScreen';
import { JoinScreen } from './JoinScreen';
import { LobbyScreen } from './LobbyScreen';
import { MemberRoom } from './MemberRoom';
import '../../styles/member.css';

/** The member's phone: join with a name (or resume with the stored token), then take part. */
export function MemberPage({ code }: { code: string }) {
  const [auth, setAuth] = useState<HandshakeAuth | null>(() => {
    const memberToken = loadMemberToken(code);
    return memberToken === null ? null : { code, memberToken };
  });
  const [name, setName] = useState('');
  const [joinError, setJoinError] = useState<ErrorCode | null>(null);
  const conn = useRoom<RoomView>(auth);

  // A refused handshake (name taken, locked, expired token, …) goes back to the join form.
  useEffect(() => {
    if (conn.status === 'refused') {
      setJoinError(conn.errorCode);
      setAuth(null);
    }
  }, [conn.status, conn.errorCode]);

  if (auth === null) {
    return (
      <JoinScreen
        code={code}
        name={name}
        onNameChange={setName}
        error={joinError}
        onJoin={(trimmed) => {
          setJoinError(null);
          setAuth({ code, name: trimmed });
        }}
      />
    );
  }

  // A member made co-facilitator runs the circle from this device: the dashboard takes over.
  if (conn.welcome?.role === 'cofacilitator') return <FacilitatorDashboard conn={conn} />;
  const view = conn.view;
  // The last texts this phone received: support contacts stay one tap away after the circle.
  const help = view ?? conn.lobby;
  if (conn.status === 'removed' || view?.status === 'ended') {
    return <GoneScreen reason={conn.removedReason ?? 'ended'} title={help?.title} help={help} />;
  }
  if (conn.lobby !== null) return <LobbyScreen lobby={conn.lobby} conn={conn} />;
  if (view === null) {
    return (
      <PageShell title="Joining" narrow>
        <ConnectionBanner status={conn.status} />
        <StatusCard heading="Joining the circle…">
          <p className="muted">Room {code}</p>
        </StatusCard>
      </PageShell>
    );
  }
  return <MemberRoom conn={conn} view={view} memberId={conn.welcome?.memberId ?? null} />;
}
