import { useEffect, useRef, useState } from 'react';
import type { FacilitatorMemberView } from '../../../../shared/views';
import type { DashProps } from './dashboard-context';

/**
 * Members not yet in the circle: waiting to be let in (admission: approve), with Admit and Decline,
 * and those still reading the agreements. A newcomer waiting is announced politely.
 */
export function AtTheDoor({
  members,
  admission,
  connected,
  run,
}: { members: FacilitatorMemberView[]; admission: 'open' | 'approve' } & Pick<
  DashProps,
  'connected' | 'run'
>) {
  const waiting = members.filter((m) => m.status === 'waiting');
  const reading = members.filter((m) => m.status === 'consent');
  const [confirming, setConfirming] = useState<string | null>(null);
  const announcement = useArrivals(waiting);

  const admitAll = async () => {
    // One at a time, as a person would press them: the server limits bursts per socket.
    for (const m of waiting) if (!(await run({ type: 'member.admit', memberId: m.id }))) return;
  };

  return (
    <section className="fac-door" aria-labelledby="fac-door-h">
      <h3 className="fac-door-title" id="fac-door-h">
        At the door ({members.length})
      </h3>
      <p className="fac-visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {waiting.length > 0 && (
        <>
          <p className="fac-door-group">Waiting for you to let them in</p>
          <ul className="fac-door-list">
            {waiting.map((m) => (
              <li key={m.id}>
                <span>
                  <strong>{m.name}</strong> {!m.online && <span className="fac-muted">(offline)</span>}
                </span>
                {confirming === m.id ? (
                  <span className="fac-row-actions">
                    <span className="fac-door-confirm">Not let {m.name} in?</span>
                    <button
                      type="button"
                      className="fac-btn fac-btn-small fac-btn-danger"
                      disabled={!connected}
                      onClick={() => {
                        setConfirming(null);
                        void run({ type: 'member.decline', memberId: m.id });
                      }}
                    >
                      Decline
                    </button>
                    <button
                      type="button"
                      className="fac-btn fac-btn-small"
                      // biome-ignore lint/a11y/noAutofocus: the confirm step takes focus so the keyboard lands on it
                      autoFocus
                      onClick={() => setConfirming(null)}
                    >
                      Back
                    </button>
                  </span>
                ) : (
                  <span className="fac-row-actions">
                    <button
                      type="button"
                      className="fac-btn fac-btn-small fac-btn-primary"
                      disabled={!connected}
                      aria-label={`Admit ${m.name}`}
                      onClick={() => void run({ type: 'member.admit', memberId: m.id })}
                    >
                      Admit
                    </button>
                    <button
                      type="button"
                      className="fac-btn fac-btn-small"
                      disabled={!connected}
                      aria-label={`Decline ${m.name}`}
                      onClick={() => setConfirming(m.id)}
                    >
                      Decline…
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
          {waiting.length > 1 && (
            <button
              type="button"
              className="fac-btn fac-btn-small"
              disabled={!connected}
              onClick={() => void admitAll()}
            >
              Admit all {waiting.length}
            </button>
          )}
        </>
      )}
      {reading.length > 0 && (
        <>
          <p className="fac-door-group">Reading the agreements</p>
          <ul className="fac-door-list">
            {reading.map((m) => (
              <li key={m.id}>
                <span>
                  <strong>{m.name}</strong>{' '}
                  <span className="fac-muted">
                    {admission === 'approve'
                      ? 'will wait for you after accepting'
                      : 'will enter after accepting'}
                    {!m.online && ' · offline'}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** "Wren is waiting to be let in." for members who start waiting after the dashboard opened. */
function useArrivals(waiting: FacilitatorMemberView[]): string {
  const seen = useRef<Set<string> | null>(null);
  const [text, setText] = useState('');
  const key = waiting.map((m) => m.id).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to the set of waiting ids only
  useEffect(() => {
    if (seen.current === null) {
      seen.current = new Set(waiting.map((m) => m.id));
      return;
    }
    const arrived = waiting.filter((m) => !seen.current?.has(m.id));
    for (const m of waiting) seen.current.add(m.id);
    if (arrived.length > 0) {
      setText(
        `${arrived.map((m) => m.name).join(', ')} ${arrived.length === 1 ? 'is' : 'are'} waiting to be let in.`,
      );
    }
  }, [key]);
  return text;
}
