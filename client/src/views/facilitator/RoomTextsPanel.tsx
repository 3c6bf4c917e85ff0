import { type FormEvent, useId, useState } from 'react';
import type { Resource } from '../../../../shared/room-texts';
import type { DashProps } from './dashboard-context';
import { moveTo } from './logic/reorder';
import { LIMITS, SUGGESTED_AGREEMENTS, type TextsDraft, textsUpdate } from './logic/room-texts-draft';
import { useDraft } from './use-draft';

/**
 * The group agreements (members accept them before entering), the note shown before entering, and
 * the support contacts of every phone's Help panel; saved together in one `room.update`.
 */
export function RoomTextsPanel({ view, connected, run }: DashProps) {
  const id = useId();
  const server: TextsDraft = {
    agreements: view.agreements,
    disclaimer: view.disclaimer,
    resources: view.resources,
  };
  const { draft, dirty, stale, edit, reset } = useDraft(server);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  const setAgreement = (i: number, text: string) =>
    edit((d) => ({ ...d, agreements: d.agreements.map((a, j) => (j === i ? text : a)) }));
  const setResource = (i: number, patch: Partial<Resource>) =>
    edit((d) => ({ ...d, resources: d.resources.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const suggestions = SUGGESTED_AGREEMENTS.filter((s) => !draft.agreements.some((a) => a.trim() === s));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const result = textsUpdate(server, draft);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    if (result.update === null || (await run(result.update))) {
      reset();
      setSaved('Saved. Members see the new texts at once.');
    }
  };

  const count = view.agreements.length;
  return (
    <details className="fac-panel fac-texts">
      <summary className="fac-summary">
        Agreements, note and support contacts{' '}
        <span className="fac-muted">
          ({count === 0 ? 'no agreements' : `${count} agreement${count === 1 ? '' : 's'}`},{' '}
          {view.resources.length} contact{view.resources.length === 1 ? '' : 's'})
        </span>
      </summary>
      <form className="fac-texts-form" onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>Group agreements</legend>
          <p className="fac-hint">
            New members read and accept these before they enter. Changing them asks nobody to accept again.
          </p>
          {draft.agreements.length > 0 && (
            <ol className="fac-text-rows">
              {draft.agreements.map((text, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
                <li key={i} className="fac-text-row">
                  <label className="fac-visually-hidden" htmlFor={`${id}-a-${i}`}>
                    Agreement {i + 1}
                  </label>
                  <textarea
                    id={`${id}-a-${i}`}
                    rows={2}
                    maxLength={LIMITS.agreement}
                    value={text}
                    onChange={(e) => setAgreement(i, e.target.value)}
                  />
                  <span className="fac-row-actions">
                    <button
                      type="button"
                      className="fac-icon-btn"
                      disabled={i === 0}
                      aria-label={`Move agreement ${i + 1} up`}
                      onClick={() => edit((d) => ({ ...d, agreements: moveTo(d.agreements, i, i - 1) }))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="fac-icon-btn fac-remove"
                      aria-label={`Remove agreement ${i + 1}`}
                      onClick={() =>
                        edit((d) => ({ ...d, agreements: d.agreements.filter((_, j) => j !== i) }))
                      }
                    >
                      ✕
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
          <div className="fac-presets">
            <button
              type="button"
              className="fac-btn fac-btn-small"
              disabled={draft.agreements.length >= LIMITS.agreements}
              onClick={() => edit((d) => ({ ...d, agreements: [...d.agreements, ''] }))}
            >
              + Write an agreement
            </button>
          </div>
          {suggestions.length > 0 && draft.agreements.length < LIMITS.agreements && (
            <div className="fac-suggestions">
              <p className="fac-hint">Suggestions (add, then reword as your group says it):</p>
              <ul>
                {suggestions.map((s) => (
                  <li key={s}>
                    <button
                      type="button"
                      className="fac-suggestion"
                      aria-label={`Add agreement: ${s}`}
                      onClick={() => edit((d) => ({ ...d, agreements: [...d.agreements, s] }))}
                    >
                      <span aria-hidden="true">+ </span>
                      {s}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </fieldset>

        <fieldset>
          <legend>
            <label htmlFor={`${id}-note`}>Note before entering (optional)</label>
          </legend>
          <p className="fac-hint" id={`${id}-note-hint`}>
            For example: “This is a peer support group, not therapy or crisis care.” Shown on phones, never on
            the display.
          </p>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={LIMITS.disclaimer}
            aria-describedby={`${id}-note-hint ${id}-note-count`}
            value={draft.disclaimer}
            onChange={(e) => {
              const disclaimer = e.target.value;
              edit((d) => ({ ...d, disclaimer }));
            }}
          />
          <p className="fac-hint fac-counter" id={`${id}-note-count`}>
            {draft.disclaimer.length} / {LIMITS.disclaimer}
          </p>
        </fieldset>

        <fieldset>
          <legend>Support contacts</legend>
          <p className="fac-hint">Shown in the Help panel of every phone, for example a crisis line.</p>
          {draft.resources.length > 0 && (
            <ul className="fac-text-rows">
              {draft.resources.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
                <li key={i} className="fac-resource-row">
                  <label htmlFor={`${id}-rl-${i}`}>Name {i + 1}</label>
                  <input
                    id={`${id}-rl-${i}`}
                    maxLength={LIMITS.label}
                    value={r.label}
                    placeholder="Crisis line"
                    onChange={(e) => setResource(i, { label: e.target.value })}
                  />
                  <label htmlFor={`${id}-rc-${i}`}>How to reach them {i + 1}</label>
                  <input
                    id={`${id}-rc-${i}`}
                    maxLength={LIMITS.contact}
                    value={r.contact}
                    placeholder="Call or text 988, any time"
                    onChange={(e) => setResource(i, { contact: e.target.value })}
                  />
                  <button
                    type="button"
                    className="fac-icon-btn fac-remove"
                    aria-label={`Remove contact ${i + 1}`}
                    onClick={() => edit((d) => ({ ...d, resources: d.resources.filter((_, j) => j !== i) }))}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="fac-presets">
            <button
              type="button"
              className="fac-btn fac-btn-small"
              disabled={draft.resources.length >= LIMITS.resources}
              onClick={() => edit((d) => ({ ...d, resources: [...d.resources, { label: '', contact: '' }] }))}
            >
              + Add a contact
            </button>
          </div>
        </fieldset>

        {stale && (
          <p className="fac-hint" role="status">
            Someone else changed these texts while you were editing; saving replaces their version.
          </p>
        )}
        {error && (
          <p className="fac-error" role="alert">
            {error}
          </p>
        )}
        <div className="fac-controls">
          <button type="submit" className="fac-btn fac-btn-primary" disabled={!connected}>
            Save texts
          </button>
          <button
            type="button"
            className="fac-btn"
            disabled={!dirty}
            onClick={() => {
              reset();
              setError(null);
            }}
          >
            Discard changes
          </button>
          <span className="fac-muted" role="status">
            {dirty ? 'Unsaved changes' : saved}
          </span>
        </div>
      </form>
    </details>
  );
}
