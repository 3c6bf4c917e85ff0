import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { SEGMENT_KIND_TITLES, type SegmentKind } from '../../../../shared/agenda';
import type { DashProps } from './dashboard-context';
import {
  draftFromAgenda,
  SEGMENT_KINDS,
  SEGMENT_PRESETS,
  type SegmentDraft,
  sameAsAgenda,
  segmentsFromDraft,
} from './logic/agenda-plan';
import { moveTo } from './logic/reorder';

const MAX_SEGMENTS = 30;

/** Plans the agenda as rows of kind, title and minutes; saving sends one `agenda.set`. */
export function AgendaEditor({ view, connected, run, onDone }: DashProps & { onDone: () => void }) {
  const id = useId();
  const [rows, setRows] = useState<SegmentDraft[]>(() => draftFromAgenda(view.agenda));
  const [error, setError] = useState<string | null>(null);
  const begun = view.agenda !== null && view.agenda.startedAt !== null;

  const change = (i: number, patch: Partial<SegmentDraft>) =>
    setRows((list) => list.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const add = (kind: SegmentKind, minutes: number) => {
    setRows((list) =>
      list.length >= MAX_SEGMENTS ? list : [...list, { kind, title: '', minutes: String(minutes) }],
    );
    setError(null);
  };
  // After a move the row sits elsewhere: the focus follows it, on the same arrow where possible.
  const refocus = useRef<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const target = refocus.current;
    refocus.current = null;
    if (!target || !listRef.current) return;
    const [row, dir] = target.split(':');
    const buttons = listRef.current.querySelectorAll<HTMLButtonElement>(`[data-seg="${row}"] [data-move]`);
    const preferred = [...buttons].find((b) => b.dataset.move === dir && !b.disabled);
    (preferred ?? [...buttons].find((b) => !b.disabled))?.focus();
  });
  const move = (i: number, delta: number) => {
    refocus.current = `${i + delta}:${delta < 0 ? 'up' : 'down'}`;
    setRows((list) => moveTo(list, i, i + delta));
  };
  const remove = (i: number) => setRows((list) => list.filter((_, j) => j !== i));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = segmentsFromDraft(rows);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    if (sameAsAgenda(rows, view.agenda)) {
      onDone();
      return;
    }
    if (await run({ type: 'agenda.set', segments: parsed.segments })) onDone();
  };

  return (
    <form className="fac-agenda-editor" onSubmit={onSubmit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`} className="fac-subhead">
        {view.agenda ? 'Edit the agenda' : 'Plan the agenda'}
      </h3>
      {begun && (
        <p className="fac-hint">
          Saving a changed agenda starts it afresh: no segment is current until you start it.
        </p>
      )}
      {rows.length === 0 ? (
        <p className="fac-empty">No segments yet: add the usual ones below.</p>
      ) : (
        <ol className="fac-segment-rows" ref={listRef}>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
            <li key={i} className="fac-segment-row" data-seg={i}>
              <span className="fac-seat" aria-hidden="true">
                {i + 1}
              </span>
              <label className="fac-visually-hidden" htmlFor={`${id}-kind-${i}`}>
                Segment {i + 1} kind
              </label>
              <select
                className="fac-seg-kind"
                id={`${id}-kind-${i}`}
                value={row.kind}
                onChange={(e) => change(i, { kind: e.target.value as SegmentKind })}
              >
                {SEGMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k === 'custom' ? 'Other' : SEGMENT_KIND_TITLES[k]}
                  </option>
                ))}
              </select>
              <label className="fac-visually-hidden" htmlFor={`${id}-title-${i}`}>
                Segment {i + 1} title (optional)
              </label>
              <input
                className="fac-seg-title"
                id={`${id}-title-${i}`}
                value={row.title}
                maxLength={80}
                placeholder={SEGMENT_KIND_TITLES[row.kind]}
                onChange={(e) => change(i, { title: e.target.value })}
              />
              <label className="fac-visually-hidden" htmlFor={`${id}-min-${i}`}>
                Segment {i + 1} minutes
              </label>
              <span className="fac-minutes">
                <input
                  id={`${id}-min-${i}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={240}
                  value={row.minutes}
                  onChange={(e) => change(i, { minutes: e.target.value })}
                />
                <span aria-hidden="true">min</span>
              </span>
              <span className="fac-row-actions">
                <button
                  type="button"
                  className="fac-icon-btn"
                  data-move="up"
                  disabled={i === 0}
                  aria-label={`Move segment ${i + 1} up`}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="fac-icon-btn"
                  data-move="down"
                  disabled={i === rows.length - 1}
                  aria-label={`Move segment ${i + 1} down`}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="fac-icon-btn fac-remove"
                  aria-label={`Remove segment ${i + 1}`}
                  onClick={() => remove(i)}
                >
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="fac-presets">
        <span className="fac-muted">Add:</span>
        {SEGMENT_PRESETS.map((p) => (
          <button
            key={p.kind}
            type="button"
            className="fac-btn fac-btn-small"
            disabled={rows.length >= MAX_SEGMENTS}
            aria-label={`Add ${SEGMENT_KIND_TITLES[p.kind]}, ${p.minutes} minutes`}
            onClick={() => add(p.kind, p.minutes)}
          >
            + {SEGMENT_KIND_TITLES[p.kind]} {p.minutes}′
          </button>
        ))}
        <button
          type="button"
          className="fac-btn fac-btn-small"
          disabled={rows.length >= MAX_SEGMENTS}
          onClick={() => add('custom', 10)}
        >
          + Other
        </button>
      </div>
      {error && (
        <p className="fac-error" role="alert">
          {error}
        </p>
      )}
      <div className="fac-controls">
        <button type="submit" className="fac-btn fac-btn-primary" disabled={!connected}>
          {rows.length === 0 && view.agenda ? 'Remove the agenda' : 'Save agenda'}
        </button>
        <button type="button" className="fac-btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
