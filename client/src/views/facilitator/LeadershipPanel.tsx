import { type FormEvent, useId } from 'react';
import type { DashProps } from './dashboard-context';

/**
 * Peer-led practices: popcorn style (the speaker hands the piece on), and rotating leadership by
 * making members co-facilitators, who then run the circle from their own phone or laptop.
 */
export function LeadershipPanel({ view, connected, run, selfId }: DashProps) {
  const id = useId();
  const active = view.members.filter((m) => m.status === 'active');
  const cofacilitators = active.filter((m) => m.role === 'cofacilitator');
  const candidates = active.filter((m) => m.role !== 'cofacilitator');
  const { popcorn } = view.settings;

  const onGrant = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const memberId = String(new FormData(e.currentTarget).get('memberId') ?? '');
    if (memberId) void run({ type: 'member.role', memberId, role: 'cofacilitator' });
  };

  return (
    <section className="fac-panel fac-leadership" aria-labelledby="fac-lead-h">
      <div className="fac-panel-head">
        <h2 id="fac-lead-h">Shared leadership</h2>
      </div>
      <div className="fac-toggle-row">
        <label className="fac-switch">
          <input
            type="checkbox"
            role="switch"
            checked={popcorn}
            aria-checked={popcorn}
            disabled={!connected}
            aria-describedby={`${id}-popcorn-hint`}
            onChange={() => void run({ type: 'room.update', popcorn: !popcorn })}
          />
          <span>Popcorn style</span>
        </label>
        <span className={`fac-badge${popcorn ? ' fac-badge-on' : ''}`}>{popcorn ? 'On' : 'Off'}</span>
      </div>
      <p className="fac-hint" id={`${id}-popcorn-hint`}>
        When on, whoever holds the talking piece may hand it to someone of their choice from their phone.
      </p>

      <h3 className="fac-subhead">Co-facilitators</h3>
      <p className="fac-hint">
        A co-facilitator runs the circle with you from their own device, with this dashboard, while still
        taking part. You keep the room and can step them back at any time.
      </p>
      {cofacilitators.length > 0 && (
        <ul className="fac-cofac-list">
          {cofacilitators.map((m) => (
            <li key={m.id}>
              <span>
                <strong>{m.name}</strong>
                {m.id === selfId ? <span className="fac-muted"> (you)</span> : null}
                {!m.online && <span className="fac-muted"> · offline</span>}
              </span>
              <button
                type="button"
                className="fac-btn fac-btn-small"
                disabled={!connected}
                aria-label={
                  m.id === selfId
                    ? 'Step back: stop being co-facilitator'
                    : `Revoke co-facilitator: make ${m.name} a member again`
                }
                onClick={() => void run({ type: 'member.role', memberId: m.id, role: 'member' })}
              >
                {m.id === selfId ? 'Step back' : 'Revoke'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length === 0 ? (
        <p className="fac-empty">
          {active.length === 0 ? 'Nobody is in the circle yet.' : 'Everyone in the circle co-facilitates.'}
        </p>
      ) : (
        <form className="fac-grant" onSubmit={onGrant}>
          <label htmlFor={`${id}-who`}>Share leadership with</label>
          <select id={`${id}-who`} name="memberId" key={candidates.map((m) => m.id).join()}>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <button type="submit" className="fac-btn fac-btn-wrap" disabled={!connected}>
            Share leadership: make co-facilitator
          </button>
        </form>
      )}
    </section>
  );
}
