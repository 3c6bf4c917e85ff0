import { useState } from 'react';
import { SEGMENT_KIND_TITLES } from '../../../../shared/agenda';
import { formatClock, timerPhase } from '../../../../shared/timer';
import { AgendaEditor } from './AgendaEditor';
import type { DashProps } from './dashboard-context';
import { agendaStatus, clockTime, minutesWords, overrunWords, segmentState } from './logic/agenda-plan';
import { phaseLabel } from './logic/labels';

/**
 * The meeting's plan: the current segment with its own segment timer (separate from the speaker's),
 * previous / next (A, Shift+A), the projected end of the meeting and any overrun, and the editor.
 */
export function AgendaPanel(props: DashProps) {
  const { view } = props;
  const [editing, setEditing] = useState(false);
  return (
    <section className="fac-panel fac-agenda" aria-labelledby="fac-agenda-h">
      <div className="fac-panel-head">
        <h2 id="fac-agenda-h">Agenda</h2>
        {view.agenda && (
          <span className="fac-count">
            {view.agenda.segments.length} segment{view.agenda.segments.length === 1 ? '' : 's'} ·{' '}
            {minutesWords(view.agenda.segments.reduce((sum, s) => sum + s.plannedMs, 0))} planned
          </span>
        )}
      </div>
      {view.agenda ? (
        <AgendaProgress {...props} />
      ) : (
        !editing && (
          <p className="fac-empty">
            No agenda yet. Plan the meeting in segments to see where you are and when it will end.
          </p>
        )
      )}
      {editing ? (
        <AgendaEditor {...props} onDone={() => setEditing(false)} />
      ) : (
        <button
          type="button"
          className="fac-btn fac-btn-small fac-agenda-edit"
          disabled={!props.connected}
          onClick={() => setEditing(true)}
        >
          {view.agenda ? 'Edit agenda' : 'Plan an agenda'}
        </button>
      )}
    </section>
  );
}

function AgendaProgress({ view, now, connected, run }: DashProps) {
  const agenda = view.agenda;
  if (!agenda) return null;
  const status = agendaStatus(agenda, now);
  const { current, projection } = status;
  // A segment warns in its last fifth, at most its last two minutes (warnSeconds is for speakers).
  const phase = current ? timerPhase(current.remainingMs, Math.min(120, current.plannedMs / 5000)) : 'ok';
  const from = agenda.index;
  const running = agenda.timer !== null && agenda.timer.startedAt !== null;
  return (
    <>
      {current ? (
        <div className={`fac-segment fac-phase-${phase}`} role="timer" aria-label="Segment timer">
          <span className="fac-segment-title">
            <span className="fac-muted">
              Segment {current.index + 1} of {agenda.segments.length}
            </span>
            <strong>{current.title}</strong>
          </span>
          <span className="fac-segment-clock">{formatClock(current.remainingMs)}</span>
          <span className="fac-segment-words">
            {current.remainingMs < 0
              ? 'Over its time'
              : `${phaseLabel[phase]} · ${running ? 'left' : 'paused'}`}
          </span>
        </div>
      ) : (
        <p className="fac-segment-idle">
          {status.phase === 'planned' ? 'The agenda has not started yet.' : 'The agenda is finished.'}
        </p>
      )}
      <p className="fac-agenda-end" aria-live="off">
        {projection ? (
          <>
            Projected end <strong>{clockTime(projection.projectedEndAt)}</strong>
            <span className={projection.overrunMs >= 60_000 ? 'fac-overrun' : 'fac-muted'}>
              {' '}
              ·{' '}
              {status.phase === 'planned'
                ? `if started now (${minutesWords(status.plannedMs)})`
                : overrunWords(projection.overrunMs)}
            </span>
          </>
        ) : (
          <span className="fac-muted">Every segment is done.</span>
        )}
      </p>
      <ol className="fac-agenda-list" aria-label="Segments">
        {agenda.segments.map((s, i) => {
          const state = segmentState(agenda, i);
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a segment's place is its identity in the plan
              key={i}
              className={`fac-agenda-item is-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="fac-agenda-name">
                {s.title}
                {s.title !== SEGMENT_KIND_TITLES[s.kind] && (
                  <span className="fac-muted"> · {SEGMENT_KIND_TITLES[s.kind]}</span>
                )}
              </span>
              <span className="fac-muted">
                {state === 'done' ? 'Done · ' : state === 'current' ? 'Now · ' : ''}
                {minutesWords(s.plannedMs)}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="fac-controls">
        <button
          type="button"
          className="fac-btn"
          disabled={!connected || status.phase === 'planned' || agenda.index === 0}
          aria-keyshortcuts="Shift+A"
          onClick={() => void run({ type: 'agenda.prev', from })}
        >
          Previous segment
          <span className="fac-kbd" aria-hidden="true">
            ⇧A
          </span>
        </button>
        <button
          type="button"
          className="fac-btn fac-btn-primary fac-btn-wrap"
          disabled={!connected || status.phase === 'finished'}
          aria-keyshortcuts="A"
          onClick={() => void run({ type: 'agenda.next', from })}
        >
          {status.phase === 'planned'
            ? 'Start the agenda'
            : status.nextTitle
              ? `Next: ${status.nextTitle}`
              : 'Finish the agenda'}
          <span className="fac-kbd" aria-hidden="true">
            A
          </span>
        </button>
      </div>
    </>
  );
}
