import type { FacilitatorMemberView } from '../../../../shared/views';
import type { DashProps } from './dashboard-context';

const doorLabel = { consent: 'Reading the agreements', waiting: 'Waiting for you to let them in' } as const;

/** Members not yet in the circle: reading the agreements, or waiting to be admitted (admission: approve). */
export function AtTheDoor({
  members,
  connected,
  run,
}: { members: FacilitatorMemberView[] } & Pick<DashProps, 'connected' | 'run'>) {
  return (
    <div className="fac-door">
      <h3 className="fac-door-title">At the door ({members.length})</h3>
      <ul className="fac-door-list">
        {members.map((m) => (
          <li key={m.id}>
            <span>
              <strong>{m.name}</strong>{' '}
              <span className="fac-muted">{m.status === 'active' ? '' : doorLabel[m.status]}</span>
            </span>
            {m.status === 'waiting' && (
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
                  onClick={() => void run({ type: 'member.decline', memberId: m.id })}
                >
                  Decline
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
