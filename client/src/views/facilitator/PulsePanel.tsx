import { type FormEvent, useId } from 'react';
import { DEFAULT_PULSE_QUESTION, PULSE_MIN_ANSWERS } from '../../../../shared/pulse';
import type { DashProps } from './dashboard-context';
import { resultShares } from './logic/summary-export';

export const SCALE_WORDS = ['1 · low', '2', '3', '4', '5 · high'] as const;

/**
 * The anonymous pulse: ask a 1–5 question, watch how many answered (never who or what), close it,
 * and see the histogram only when at least three answered.
 */
export function PulsePanel({ view, connected, run }: DashProps) {
  const id = useId();
  const pulse = view.pulse;
  const open = pulse?.open === true;
  const onOpen = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const question = String(new FormData(e.currentTarget).get('question') ?? '').trim();
    void run({
      type: 'pulse.open',
      ...(question && question !== DEFAULT_PULSE_QUESTION ? { question } : {}),
    });
  };
  return (
    <section className="fac-panel fac-pulse" aria-labelledby="fac-pulse-h">
      <div className="fac-panel-head">
        <h2 id="fac-pulse-h">Anonymous pulse</h2>
        {pulse && <span className="fac-count">{open ? 'Open' : 'Closed'}</span>}
      </div>
      <p className="fac-hint">
        Answers are anonymous: you see how many answered and, once closed with {PULSE_MIN_ANSWERS} or more,
        how many chose each number. Nobody, not even the server, keeps who answered what.
      </p>
      {pulse && (
        <div className="fac-pulse-current">
          <p className="fac-prompt">“{pulse.question}”</p>
          <p className="fac-pulse-count" aria-live="polite">
            <strong>{pulse.answered}</strong> {pulse.answered === 1 ? 'answer' : 'answers'}
            {open ? ' so far' : ''}
          </p>
          {!open &&
            (pulse.results ? (
              <Histogram results={pulse.results} />
            ) : (
              <p className="fac-muted">
                Fewer than {PULSE_MIN_ANSWERS} answered, so no results are shown: with so few, an answer could
                be guessed.
              </p>
            ))}
        </div>
      )}
      {open ? (
        <div className="fac-controls">
          <button
            type="button"
            className="fac-btn fac-btn-primary"
            disabled={!connected}
            onClick={() => void run({ type: 'pulse.close' })}
          >
            Close and see results
          </button>
        </div>
      ) : (
        <form className="fac-form fac-pulse-form" onSubmit={onOpen}>
          <label htmlFor={`${id}-q`}>{pulse ? 'Next question' : 'Question'}</label>
          <input id={`${id}-q`} name="question" maxLength={140} defaultValue={DEFAULT_PULSE_QUESTION} />
          <button type="submit" className="fac-btn" disabled={!connected}>
            Ask on every phone (1–5)
          </button>
        </form>
      )}
    </section>
  );
}

/** The 1–5 counts as labelled bars; the numbers are text, the bars only repeat them. */
export function Histogram({ results }: { results: readonly number[] }) {
  const shares = resultShares(results as [number, number, number, number, number]);
  return (
    <table className="fac-histogram">
      <caption className="fac-visually-hidden">How many chose each number, 1 (low) to 5 (high)</caption>
      <thead className="fac-visually-hidden">
        <tr>
          <th scope="col">Answer</th>
          <th scope="col">People</th>
        </tr>
      </thead>
      <tbody>
        {results.map((n, i) => (
          <tr key={SCALE_WORDS[i]}>
            <th scope="row">{SCALE_WORDS[i]}</th>
            <td>
              <span className="fac-hbar" aria-hidden="true">
                <span style={{ width: `${Math.round((shares[i] ?? 0) * 100)}%` }} />
              </span>
              <span className="fac-num">{n}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
