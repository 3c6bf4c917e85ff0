import type { DashProps } from './dashboard-context';
import { EndMeeting } from './EndMeeting';

/** Room title and code, connection state, the lock, and the shortcuts button. */
export function DashboardHeader({
  view,
  connected,
  run,
  cofacilitator,
  onShowShortcuts,
}: Pick<DashProps, 'view' | 'connected' | 'run'> & { cofacilitator: boolean; onShowShortcuts: () => void }) {
  const { locked } = view.settings;
  return (
    <header className="fac-header">
      <div className="fac-title">
        <h1>{view.title}</h1>
        <span className="fac-muted">
          {cofacilitator ? 'Co-facilitator' : 'Facilitator'} · room{' '}
          <span className="fac-code">{view.code}</span>
        </span>
      </div>
      <div className="fac-header-actions">
        <span className={`fac-conn ${connected ? 'is-connected' : 'is-reconnecting'}`}>
          <span className="fac-dot" aria-hidden="true" />
          {connected ? 'Connected' : 'Reconnecting…'}
        </span>
        <span className={`fac-lock-state${locked ? ' is-locked' : ''}`}>
          {locked ? 'Locked: nobody new can join' : 'Open to new people'}
        </span>
        <button
          type="button"
          className="fac-btn"
          disabled={!connected}
          onClick={() => void run({ type: 'room.update', locked: !locked })}
        >
          {locked ? 'Unlock room' : 'Lock room'}
        </button>
        <button type="button" className="fac-btn" aria-keyshortcuts="?" onClick={onShowShortcuts}>
          Shortcuts{' '}
          <span className="fac-kbd" aria-hidden="true">
            ?
          </span>
        </button>
        <EndMeeting connected={connected} run={run} />
      </div>
    </header>
  );
}
