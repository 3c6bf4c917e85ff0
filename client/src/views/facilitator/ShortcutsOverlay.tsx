import { useEffect, useRef } from 'react';
import { CONTEXT_SHORTCUTS, SHORTCUTS } from './logic/shortcuts';

/** The list of keyboard shortcuts in a modal dialog: focus stays inside, Escape closes it. */
export function ShortcutsOverlay({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const rows = [
    ...SHORTCUTS.map((s) => ({ keys: s.keys, description: s.description, chord: s.chord })),
    ...CONTEXT_SHORTCUTS,
  ];
  return (
    <dialog ref={ref} className="fac-dialog" aria-labelledby="fac-shortcuts-h" onClose={onClose}>
      <h2 id="fac-shortcuts-h" className="fac-dialog-title">
        Keyboard shortcuts
      </h2>
      <p className="fac-hint">They work anywhere on the dashboard except while you type in a field.</p>
      <dl className="fac-shortcut-list">
        {rows.map((row) => (
          <div key={row.description}>
            <dt>
              {row.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && (row.chord ? ' + ' : ' or ')}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{row.description}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="fac-btn fac-btn-primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
