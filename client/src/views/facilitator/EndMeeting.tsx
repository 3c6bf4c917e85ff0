import { useEffect, useRef, useState } from 'react';
import type { DashProps } from './dashboard-context';

/** "End meeting…" and its confirm step, a modal dialog whose safe choice has the focus. */
export function EndMeeting({ connected, run }: Pick<DashProps, 'connected' | 'run'>) {
  const [open, setOpen] = useState(false);
  const [ending, setEnding] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The safe choice takes the focus (showModal would focus the first button, "End meeting").
      keep.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const end = async () => {
    setEnding(true);
    const ok = await run({ type: 'room.end' });
    // On success the summary replaces the dashboard; on a refusal the dialog closes and a toast says why.
    if (!ok) {
      setEnding(false);
      setOpen(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="fac-btn fac-btn-end"
        disabled={!connected}
        onClick={() => setOpen(true)}
      >
        End meeting…
      </button>
      <dialog
        ref={ref}
        className="fac-dialog"
        aria-labelledby="fac-end-h"
        aria-describedby="fac-end-text"
        onClose={() => setOpen(false)}
      >
        <h2 id="fac-end-h" className="fac-dialog-title">
          End the meeting for everyone?
        </h2>
        <div id="fac-end-text">
          <p>Every phone and the display will say the circle has ended, and nobody can join again.</p>
          <p>
            You will see a summary (duration, rounds, speaking time, feedback) to download. Then the server
            forgets every name in this room: the summary on your screen is the only copy.
          </p>
        </div>
        <div className="fac-controls">
          <button
            type="button"
            className="fac-btn fac-btn-danger"
            disabled={!connected || ending}
            onClick={() => void end()}
          >
            {ending ? 'Ending…' : 'End meeting'}
          </button>
          <button ref={keep} type="button" className="fac-btn" onClick={() => setOpen(false)}>
            Keep meeting
          </button>
        </div>
      </dialog>
    </>
  );
}
