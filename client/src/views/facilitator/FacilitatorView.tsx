import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import type { Command } from '../../../../shared/commands';
import { errorMessages } from '../../../../shared/errors';
import {
  type AnyView,
  type FacilitatorView as FacilitatorRoomView,
  isFacilitatorView,
} from '../../../../shared/views';
import { useServerNow } from '../../hooks/use-server-now';
import { type RoomConnection, useRoom } from '../../socket/use-room';
import { AgendaPanel } from './AgendaPanel';
import { DashboardHeader } from './DashboardHeader';
import type { DashProps } from './dashboard-context';
import { FairnessPanel } from './FairnessPanel';
import { HandsPanel } from './HandsPanel';
import { LeadershipPanel } from './LeadershipPanel';
import { nextSpeakerCommand } from './logic/next-speaker';
import type { ShortcutAction } from './logic/shortcuts';
import { toggleTimerCommand } from './logic/timer-control';
import { MembersPanel } from './MembersPanel';
import { PulsePanel } from './PulsePanel';
import { RoomTextsPanel } from './RoomTextsPanel';
import { RoundPanel } from './RoundPanel';
import { SettingsPanel } from './SettingsPanel';
import { SharePanel } from './SharePanel';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { SignalsPanel } from './SignalsPanel';
import { SummaryScreen } from './SummaryScreen';
import { TimerPanel } from './TimerPanel';
import { Toasts } from './Toasts';
import { useShortcuts } from './use-shortcuts';
import { useToasts } from './use-toasts';
import './facilitator.css';

/** The facilitator's dashboard for room `code`, connected with the facilitator key. */
export function FacilitatorView({ code, facilitatorKey }: { code: string; facilitatorKey: string }) {
  const auth = useMemo(() => ({ code, facilitatorKey }), [code, facilitatorKey]);
  const conn = useRoom<FacilitatorRoomView>(auth);
  return <FacilitatorDashboard conn={conn} />;
}

/**
 * The dashboard over any connection that receives the facilitator view: the key holder's, or a
 * member's once made co-facilitator (`welcome.role === 'cofacilitator'`), who runs the circle from
 * their own device. After `room.end` it shows the summary that arrived just before the removal.
 */
export function FacilitatorDashboard({ conn }: { conn: RoomConnection<AnyView> }) {
  const cofacilitator = conn.welcome?.role === 'cofacilitator';
  if (conn.summary) return <SummaryScreen summary={conn.summary} />;
  if (conn.status === 'refused') {
    const known = conn.errorCode === 'bad_credentials' || conn.errorCode === 'room_not_found';
    return (
      <StateScreen
        title={cofacilitator ? 'You are no longer connected' : 'This facilitator link is not valid'}
      >
        {known && !cofacilitator
          ? 'Check that you opened the whole link you were given, or start a new room.'
          : errorMessages[conn.errorCode ?? 'unavailable']}
      </StateScreen>
    );
  }
  if (conn.status === 'removed' && conn.removedReason === 'removed') {
    return (
      <StateScreen title="You were removed from this room">
        {cofacilitator
          ? 'A facilitator took you out of the circle. If this is a mistake, please speak to them.'
          : errorMessages.removed}
      </StateScreen>
    );
  }
  if (conn.status === 'removed' || conn.view?.status === 'ended') {
    return <StateScreen title="This room has ended">Thank you for holding the circle.</StateScreen>;
  }
  // Right after becoming co-facilitator the `role` event comes a moment before the facilitator view.
  if (!conn.view || !isFacilitatorView(conn.view)) {
    return (
      <StateScreen title={cofacilitator ? 'Opening the dashboard…' : 'Opening your room…'} busy>
        {conn.status === 'reconnecting' ? 'Reconnecting to the server…' : 'Connecting to the server…'}
      </StateScreen>
    );
  }
  return <Dashboard conn={conn} view={conn.view} />;
}

function StateScreen({
  title,
  children,
  busy = false,
}: {
  title: string;
  children: ReactNode;
  busy?: boolean;
}) {
  return (
    <div className="fac fac-state">
      <main className="fac-state-card" aria-busy={busy}>
        <h1>{title}</h1>
        <p role={busy ? 'status' : undefined}>{children}</p>
        {!busy && (
          <a className="fac-btn fac-btn-primary" href="/">
            Go to the start page
          </a>
        )}
      </main>
    </div>
  );
}

/** The instant the running timer reaches zero, so that re-renders fall on its second flips. */
function timerAnchor(view: FacilitatorRoomView): number {
  const t = view.timer;
  return t && t.startedAt !== null ? t.startedAt + t.durationMs - t.elapsedMs : 0;
}

function Dashboard({ conn, view }: { conn: RoomConnection<AnyView>; view: FacilitatorRoomView }) {
  const now = useServerNow(conn, 1000, timerAnchor(view));
  const connected = conn.status === 'connected';
  const { toasts, show, dismiss } = useToasts();
  const [helpOpen, setHelpOpen] = useState(false);
  const { send } = conn;

  const run = useCallback(
    async (command: Command) => {
      const result = await send(command);
      if (!result.ok) show(errorMessages[result.error.code] ?? result.error.message);
      return result.ok;
    },
    [send, show],
  );

  const names = useMemo(() => new Map(view.members.map((m) => [m.id, m.name])), [view.members]);
  const nameOf = useCallback((id: string) => names.get(id) ?? 'Someone who left', [names]);

  // Signals and people waiting at the door show in the tab's title, for a dashboard in a background tab.
  const atDoor = view.members.filter((m) => m.status === 'waiting').length;
  useEffect(() => {
    const waiting = view.signals.length + atDoor;
    document.title = `${waiting > 0 ? `(${waiting}) ` : ''}${view.title} · Circlekeeper`;
  }, [view.title, view.signals.length, atDoor]);

  const onShortcut = (action: ShortcutAction) => {
    switch (action) {
      case 'toggle-timer':
        void run(toggleTimerCommand(view.timer));
        return;
      case 'next-speaker': {
        const command = nextSpeakerCommand(view);
        if (command) void run(command);
        else show('Nobody to move on to: no round is running and no hands are raised.');
        return;
      }
      case 'call-hand':
        if (view.hands.length === 0) show(errorMessages.queue_empty);
        else void run({ type: 'hand.call', from: view.speaker?.memberId ?? null });
        return;
      case 'agenda-next':
      case 'agenda-prev':
        if (!view.agenda) show('There is no agenda yet: plan one in the Agenda panel.');
        else
          void run({
            type: action === 'agenda-next' ? 'agenda.next' : 'agenda.prev',
            from: view.agenda.index,
          });
        return;
      case 'show-help':
        setHelpOpen(true);
        return;
    }
  };
  useShortcuts(!helpOpen, onShortcut);

  const selfId = conn.welcome?.role === 'cofacilitator' ? (conn.welcome.memberId ?? null) : null;
  const dash: DashProps = { view, now, connected, run, nameOf, selfId };
  // Members still at the door (reading the agreements, or waiting to be admitted) are not in yet.
  const empty = !view.members.some((m) => m.status === 'active');
  return (
    <div className="fac">
      <DashboardHeader
        view={view}
        connected={connected}
        run={run}
        cofacilitator={selfId !== null}
        onShowShortcuts={() => setHelpOpen(true)}
      />
      {!connected && (
        <p className="fac-banner" role="status">
          Reconnecting… Controls are paused until the connection is back.
        </p>
      )}
      <main className="fac-grid">
        <div className="fac-col fac-col-stage">
          <TimerPanel {...dash} />
          <AgendaPanel {...dash} />
          <RoundPanel {...dash} />
        </div>
        <div className="fac-col fac-col-people">
          {empty && <SharePanel code={view.code} prominent />}
          <MembersPanel {...dash} />
          {!empty && <SharePanel code={view.code} prominent={false} />}
          <LeadershipPanel {...dash} />
          <RoomTextsPanel {...dash} />
          <SettingsPanel {...dash} />
        </div>
        <div className="fac-col fac-col-side">
          <SignalsPanel {...dash} />
          <HandsPanel {...dash} />
          <PulsePanel {...dash} />
          <FairnessPanel {...dash} />
        </div>
      </main>
      <Toasts toasts={toasts} onDismiss={dismiss} />
      <ShortcutsOverlay open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
