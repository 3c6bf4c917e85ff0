import type { RoomView } from '../../../../shared/views';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { PageShell } from '../../components/PageShell';
import { useCommand } from '../../hooks/use-command';
import { useTurnAlert } from '../../hooks/use-turn-alert';
import type { RoomConnection } from '../../socket/use-room';
import { memberName, runningRound } from '../../state/room-summary';
import { AgendaLine } from './AgendaLine';
import { AgreementsReminder } from './AgreementsReminder';
import { HandControl } from './HandControl';
import { MemberBar } from './MemberBar';
import { NudgeNotice } from './NudgeNotice';
import { PulseCard } from './PulseCard';
import { RoundStatus } from './RoundStatus';
import { SignalMenu } from './SignalMenu';
import { TurnPanel } from './TurnPanel';

interface MemberRoomProps {
  conn: RoomConnection<RoomView>;
  view: RoomView;
  memberId: string | null;
}

/** The phone once joined: whose turn it is, the round, the hand, the question, and private signals. */
export function MemberRoom({ conn, view, memberId }: MemberRoomProps) {
  const command = useCommand(conn);
  const myTurn = memberId !== null && view.speaker?.memberId === memberId;
  const announcement = useTurnAlert(myTurn);
  const online = conn.status === 'connected';
  const round = runningRound(view);
  const me = memberName(view, memberId);
  // A nudge belongs to the turn it was sent in: a new turn starts without one.
  const nudge =
    myTurn && conn.nudge !== null && view.speaker !== null && conn.nudge.at >= view.speaker.since
      ? conn.nudge
      : null;

  return (
    <PageShell title={myTurn ? 'Your turn' : view.title} subtitle={view.title} narrow>
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
      <MemberBar help={view} inCircle below={<NudgeNotice nudge={nudge} />}>
        {me !== null && <p className="member-self">You are {me}</p>}
        <AgendaLine agenda={view.agenda} clock={conn} />
      </MemberBar>
      <ConnectionBanner status={conn.status} />
      <TurnPanel
        view={view}
        memberId={memberId}
        myTurn={myTurn}
        clock={conn}
        command={command}
        disabled={!online}
      />
      {command.error !== null && (
        <p className="notice notice-error" role="alert">
          {command.error}
        </p>
      )}
      {view.pulse !== null && (
        <PulseCard code={view.code} pulse={view.pulse} command={command} disabled={!online} />
      )}
      {round !== null && <RoundStatus view={view} round={round} memberId={memberId} />}
      {!myTurn && memberId !== null && (
        <HandControl view={view} memberId={memberId} command={command} disabled={!online} />
      )}
      <SignalMenu command={command} disabled={!online} />
      <AgreementsReminder agreements={view.agreements} />
    </PageShell>
  );
}
