import type { DashProps } from './dashboard-context';
import { fairnessSummary } from './logic/fairness';
import { formatSpoken } from './logic/time-format';
import { SpeakingTableHead } from './SpeakingTableHead';

/** Speaking time, turns and passes per member, and who has not spoken yet. */
export function FairnessPanel({ view, now, connected, run }: DashProps) {
  const { rows, notSpokenYet, totalMs, topSpeaker, leastSpoken } = fairnessSummary(view, now);
  const progressive = view.settings.queueOrder === 'least-spoken';
  // Shares of a few hundred milliseconds say nothing: show them from the first whole second on.
  const showShare = totalMs >= 1000;
  return (
    <section className="fac-panel fac-fairness" aria-labelledby="fac-fairness-h">
      <div className="fac-panel-head">
        <h2 id="fac-fairness-h">Fairness</h2>
      </div>
      {rows.length === 0 ? (
        <p className="fac-empty">Speaking time appears here once people join.</p>
      ) : (
        <>
          <p className="fac-top-speaker">
            {topSpeaker && showShare ? (
              <>
                <strong>Top speaker:</strong> {topSpeaker.name}, {Math.round(topSpeaker.share * 100)}% of the
                speaking time
                {rows.length > 1 && (
                  <span className="fac-muted">
                    {' '}
                    (an even share would be {Math.round(100 / rows.length)}%)
                  </span>
                )}
              </>
            ) : (
              <span className="fac-muted">Nobody has spoken yet.</span>
            )}
          </p>
          <p className="fac-not-spoken">
            {notSpokenYet.length === 0 ? (
              'Everyone has spoken.'
            ) : (
              <>
                <strong>Not spoken yet:</strong> {notSpokenYet.map((m) => m.name).join(', ')}
              </>
            )}
          </p>
          <table className="fac-table">
            <SpeakingTableHead />
            <tbody>
              {rows.map((r) => (
                <tr key={r.memberId} className={r.speaking ? 'is-speaking' : undefined}>
                  <th scope="row">
                    <span className="fac-fair-name">
                      {r.name}
                      {r.speaking && <span className="fac-visually-hidden"> (speaking)</span>}
                    </span>
                    <span className="fac-bar" aria-hidden="true">
                      <span style={{ width: `${showShare ? Math.round(r.share * 100) : 0}%` }} />
                    </span>
                  </th>
                  <td className="fac-num">
                    {formatSpoken(r.spokenMs)}{' '}
                    {showShare && <span className="fac-muted">({Math.round(r.share * 100)}%)</span>}
                  </td>
                  <td className="fac-num">{r.turns}</td>
                  <td className="fac-num">{r.passes}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="fac-subhead" id="fac-stack-h">
            Least spoken first (progressive stack)
          </h3>
          <ol className="fac-stack" aria-labelledby="fac-stack-h">
            {leastSpoken.map((r) => (
              <li key={r.memberId}>
                {r.name} <span className="fac-muted">{formatSpoken(r.spokenMs)}</span>
              </li>
            ))}
          </ol>
          <p className="fac-hint">
            {progressive
              ? 'Raised hands are served in this order: whoever has spoken least goes first.'
              : 'Raised hands are served in the order they were raised.'}
          </p>
          <button
            type="button"
            className="fac-btn fac-btn-small"
            disabled={!connected}
            aria-pressed={progressive}
            onClick={() =>
              void run({ type: 'room.update', queueOrder: progressive ? 'raised' : 'least-spoken' })
            }
          >
            Serve hands least spoken first
          </button>
        </>
      )}
    </section>
  );
}
