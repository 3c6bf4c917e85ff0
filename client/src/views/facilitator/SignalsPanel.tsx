import { useEffect, useRef, useState } from 'react';
import type { DashProps } from './dashboard-context';
import { signalLabel } from './logic/labels';
import { formatAgo } from './logic/time-format';

/** How long a newly arrived signal stays highlighted (ms). */
const HIGHLIGHT_MS = 8000;

/** Private signals from members, newest first; a new one is announced politely and highlighted. */
export function SignalsPanel({ view, now, connected, run, nameOf }: DashProps) {
  const signals = [...view.signals].sort((a, b) => b.at - a.at);
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);

  const idsKey = view.signals.map((s) => s.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to the set of signal ids only
  useEffect(() => {
    const ids = view.signals.map((s) => s.id);
    // Signals already there when the dashboard opens are not "new".
    if (seen.current === null) {
      seen.current = new Set(ids);
      return;
    }
    const arrived = view.signals.filter((s) => !seen.current?.has(s.id));
    for (const id of ids) seen.current.add(id);
    if (arrived.length === 0) return;
    setAnnouncement(
      arrived.map((s) => `New signal: ${nameOf(s.memberId)} ${signalLabel[s.kind]}.`).join(' '),
    );
    setFresh((prev) => new Set([...prev, ...arrived.map((s) => s.id)]));
    const timeout = setTimeout(() => {
      setFresh((prev) => new Set([...prev].filter((id) => !arrived.some((s) => s.id === id))));
    }, HIGHLIGHT_MS);
    timers.current.push(timeout);
  }, [idsKey]);

  const hasFresh = signals.some((s) => fresh.has(s.id));
  return (
    <section
      className={`fac-panel fac-signals${hasFresh ? ' has-fresh' : ''}`}
      aria-labelledby="fac-signals-h"
    >
      <div className="fac-panel-head">
        <h2 id="fac-signals-h">Signals</h2>
        <span className={`fac-count${signals.length > 0 ? ' fac-count-alert' : ''}`}>
          {signals.length === 0 ? 'none' : `${signals.length} waiting`}
        </span>
      </div>
      <p className="fac-visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {signals.length === 0 ? (
        <p className="fac-empty">
          No signals. Members can privately ask for a moment, a check-in, or a slower pace.
        </p>
      ) : (
        <ul className="fac-signal-list">
          {signals.map((s) => (
            <li key={s.id} className={fresh.has(s.id) ? 'is-fresh' : undefined}>
              <span className="fac-signal-text">
                {fresh.has(s.id) && <span className="fac-badge fac-badge-new">New</span>}
                <strong>{nameOf(s.memberId)}</strong> {signalLabel[s.kind]}
                <span className="fac-muted"> · {formatAgo(s.at, now)}</span>
              </span>
              <button
                type="button"
                className="fac-btn fac-btn-small"
                disabled={!connected}
                aria-label={`Dismiss: ${nameOf(s.memberId)} ${signalLabel[s.kind]}`}
                onClick={() => void run({ type: 'signal.dismiss', signalId: s.id })}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
