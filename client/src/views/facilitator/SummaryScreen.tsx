import { useEffect, useMemo } from 'react';
import type { Summary } from '../../../../shared/summary';
import {
  summaryDurationMs,
  summaryFileName,
  summaryRows,
  summaryToCsv,
  summaryToJson,
} from './logic/summary-export';
import { formatSpoken } from './logic/time-format';
import { Histogram } from './PulsePanel';
import { SpeakingTableHead } from './SpeakingTableHead';

/** A download link for text made in the browser: the summary never goes back to any server. */
function useBlobUrl(text: string, type: string): string {
  const url = useMemo(() => URL.createObjectURL(new Blob([text], { type })), [text, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

/** After `room.end`: the meeting's summary with downloads, and the promise that the server forgot it. */
export function SummaryScreen({ summary }: { summary: Summary }) {
  const rows = summaryRows(summary);
  const jsonUrl = useBlobUrl(summaryToJson(summary), 'application/json');
  const csvUrl = useBlobUrl(summaryToCsv(summary), 'text/csv;charset=utf-8');
  useEffect(() => {
    document.title = `Summary · ${summary.title} · Circlekeeper`;
  }, [summary.title]);
  const started = new Date(summary.startedAt);
  const ended = new Date(summary.endedAt);
  const time = (d: Date) => d.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  return (
    <div className="fac fac-summary-page">
      <main className="fac-summary-card">
        <h1>This room has ended</h1>
        <p className="fac-summary-title">
          Summary of <strong>{summary.title}</strong>
        </p>
        <p className="fac-forgotten" role="status">
          The server has now forgotten every name, token and statistic of this room. This page holds the only
          copy of the summary: download it before you close the page if you want to keep it.
        </p>
        <div className="fac-controls">
          <a className="fac-btn fac-btn-primary" href={csvUrl} download={summaryFileName(summary, 'csv')}>
            Download summary (CSV)
          </a>
          <a className="fac-btn" href={jsonUrl} download={summaryFileName(summary, 'json')}>
            Download summary (JSON)
          </a>
        </div>

        <dl className="fac-summary-facts">
          <div>
            <dt>Duration</dt>
            <dd className="fac-num">{formatSpoken(summaryDurationMs(summary))}</dd>
          </div>
          <div>
            <dt>Time</dt>
            <dd className="fac-summary-time">
              {time(started)} – {time(ended)}
            </dd>
          </div>
          <div>
            <dt>Rounds</dt>
            <dd className="fac-num">{summary.rounds}</dd>
          </div>
          <div>
            <dt>People</dt>
            <dd className="fac-num">{summary.members.length}</dd>
          </div>
        </dl>

        <section className="fac-sum-section" aria-labelledby="fac-sum-speaking-h">
          <h2 id="fac-sum-speaking-h">Speaking time</h2>
          {rows.length === 0 ? (
            <p className="fac-empty">Nobody joined the circle.</p>
          ) : (
            <table className="fac-table">
              <SpeakingTableHead />
              <tbody>
                {rows.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the summary has no ids, only names in joining order
                  <tr key={i}>
                    <th scope="row">
                      <span className="fac-fair-name">{r.name}</span>
                      <span className="fac-bar" aria-hidden="true">
                        <span style={{ width: `${Math.round(r.share * 100)}%` }} />
                      </span>
                    </th>
                    <td className="fac-num">
                      {formatSpoken(r.spokenMs)}{' '}
                      <span className="fac-muted">({Math.round(r.share * 100)}%)</span>
                    </td>
                    <td className="fac-num">{r.turns}</td>
                    <td className="fac-num">{r.passes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="fac-sum-section" aria-labelledby="fac-sum-pulse-h">
          <h2 id="fac-sum-pulse-h">Feedback</h2>
          {summary.pulses.length === 0 ? (
            <p className="fac-empty">No pulse question was asked.</p>
          ) : (
            summary.pulses.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: pulses are listed in the order they were asked
              <div key={i} className="fac-sum-pulse">
                <p>
                  <span className="fac-prompt">“{p.question}”</span> ·{' '}
                  <span className="fac-muted">
                    {p.answered} {p.answered === 1 ? 'answer' : 'answers'}
                  </span>
                </p>
                {p.results ? (
                  <Histogram results={p.results} />
                ) : (
                  <p className="fac-muted">Too few answers to show results anonymously.</p>
                )}
              </div>
            ))
          )}
        </section>
        <a className="fac-btn" href="/">
          Go to the start page
        </a>
      </main>
    </div>
  );
}
