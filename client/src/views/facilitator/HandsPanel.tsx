import type { DashProps } from './dashboard-context';
import { queueOrderLabel } from './logic/labels';
import { formatAgo } from './logic/time-format';

/** The hand queue in the order `hand.call` serves it, with "Call next". */
export function HandsPanel({ view, now, connected, run, nameOf }: DashProps) {
  const raisedAt = new Map(view.members.map((m) => [m.id, m.handRaisedAt]));
  const from = view.speaker?.memberId ?? null;
  return (
    <section className="fac-panel fac-hands" aria-labelledby="fac-hands-h">
      <div className="fac-panel-head">
        <h2 id="fac-hands-h">Raised hands</h2>
        <span className="fac-count">{view.hands.length}</span>
      </div>
      <p className="fac-hint">Served {queueOrderLabel[view.settings.queueOrder]}.</p>
      {view.hands.length === 0 ? (
        <p className="fac-empty">No hands raised.</p>
      ) : (
        <ol className="fac-queue">
          {view.hands.map((id) => {
            const at = raisedAt.get(id);
            return (
              <li key={id}>
                <span className="fac-queue-name">{nameOf(id)}</span>
                {at != null && <span className="fac-muted">raised {formatAgo(at, now)}</span>}
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        className="fac-btn fac-btn-primary"
        disabled={!connected || view.hands.length === 0}
        aria-keyshortcuts="H"
        onClick={() => void run({ type: 'hand.call', from })}
      >
        Call next hand
        <span className="fac-kbd" aria-hidden="true">
          H
        </span>
      </button>
    </section>
  );
}
