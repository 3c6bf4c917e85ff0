import type { Toast } from './use-toasts';

/** Refusals and failures as short messages; the region is polite so it never interrupts speech. */
export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="fac-toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="fac-toast">
          <span>{t.text}</span>
          <button
            type="button"
            className="fac-toast-close"
            aria-label="Dismiss message"
            onClick={() => onDismiss(t.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
