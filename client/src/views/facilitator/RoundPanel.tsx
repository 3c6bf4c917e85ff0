import { type FormEvent, useId } from 'react';
import { type RoundKind, RoundKindSchema } from '../../../../shared/commands';
import type { RoundView } from '../../../../shared/views';
import type { DashProps } from './dashboard-context';
import { outcomeLabel, roundKindLabel } from './logic/labels';
import { activeRound } from './logic/next-speaker';

/** Starts a round, or shows the running one with each member's outcome in words, with Next and End. */
export function RoundPanel(props: DashProps) {
  const round = activeRound(props.view);
  return (
    <section className="fac-panel fac-round" aria-labelledby="fac-round-h">
      {round ? <RunningRound {...props} round={round} /> : <StartRound {...props} />}
    </section>
  );
}

function RoundProgress({
  round,
  nameOf,
  speakerId,
}: {
  round: RoundView;
  nameOf: (id: string) => string;
  speakerId: string | null;
}) {
  return (
    <ol className="fac-progress">
      {round.order.map((id, i) => {
        const outcome = round.outcomes[id] ?? 'pending';
        const current = speakerId === id && i === round.index;
        return (
          // The order may name someone twice when those who passed get a second chance.
          // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity of a place in the round
          <li key={`${id}-${i}`} className={`fac-step fac-outcome-${current ? 'speaking' : outcome}`}>
            <span className="fac-step-name">{nameOf(id)}</span>
            <span className="fac-step-outcome">{current ? 'Speaking' : outcomeLabel[outcome]}</span>
          </li>
        );
      })}
    </ol>
  );
}

function RunningRound({ view, connected, run, nameOf, round }: DashProps & { round: RoundView }) {
  const done = round.order.filter((id) => round.outcomes[id] !== 'pending').length;
  const speakerId = view.speaker?.memberId ?? null;
  return (
    <>
      <div className="fac-panel-head">
        <h2 id="fac-round-h">{roundKindLabel[round.kind]} round</h2>
        <span className="fac-count">
          {Math.min(round.index + 1, round.order.length)} of {round.order.length} · {done} done
        </span>
      </div>
      {round.prompt && <p className="fac-prompt">“{round.prompt}”</p>}
      <RoundProgress round={round} nameOf={nameOf} speakerId={speakerId} />
      <div className="fac-controls">
        <button
          type="button"
          className="fac-btn fac-btn-primary"
          disabled={!connected}
          onClick={() => void run({ type: 'round.next', from: speakerId })}
        >
          Next in round
        </button>
        <button
          type="button"
          className="fac-btn"
          disabled={!connected}
          onClick={() => void run({ type: 'round.end' })}
        >
          End round
        </button>
      </div>
    </>
  );
}

function StartRound({ view, connected, run, nameOf }: DashProps) {
  const id = useId();
  const last = view.round;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const kind = RoundKindSchema.safeParse(data.get('kind'));
    const prompt = String(data.get('prompt') ?? '').trim();
    const seconds = Number(data.get('turnSeconds'));
    void run({
      type: 'round.start',
      kind: kind.success ? kind.data : 'check-in',
      ...(prompt ? { prompt } : {}),
      ...(Number.isInteger(seconds) && seconds >= 10 && seconds <= 3600 ? { turnSeconds: seconds } : {}),
      revisitPassed: data.get('revisitPassed') === 'on',
    });
  };
  const kinds = RoundKindSchema.options as RoundKind[];
  return (
    <>
      <div className="fac-panel-head">
        <h2 id="fac-round-h">Start a round</h2>
      </div>
      {last && (
        <details className="fac-last-round">
          <summary>
            Last round ({roundKindLabel[last.kind].toLowerCase()}):{' '}
            {Object.values(last.outcomes).filter((o) => o === 'spoke').length} spoke,{' '}
            {Object.values(last.outcomes).filter((o) => o === 'passed').length} passed
          </summary>
          <RoundProgress round={last} nameOf={nameOf} speakerId={null} />
        </details>
      )}
      <form className="fac-form" onSubmit={onSubmit}>
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} name="kind" defaultValue="check-in">
          {kinds.map((k) => (
            <option key={k} value={k}>
              {roundKindLabel[k]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-prompt`}>Prompt (optional)</label>
        <input id={`${id}-prompt`} name="prompt" maxLength={280} placeholder="How are you arriving today?" />
        <label htmlFor={`${id}-turn`}>Turn length (seconds)</label>
        <input
          id={`${id}-turn`}
          name="turnSeconds"
          type="number"
          min={10}
          max={3600}
          step={10}
          defaultValue={view.settings.turnSeconds}
          key={view.settings.turnSeconds}
        />
        <label className="fac-check">
          <input type="checkbox" name="revisitPassed" />
          Give those who pass a second chance at the end
        </label>
        <button type="submit" className="fac-btn fac-btn-primary" disabled={!connected}>
          Start round
        </button>
      </form>
    </>
  );
}
