import { useState } from 'react';
import type { SignalKind } from '../../../../shared/commands';
import type { CommandRunner } from '../../hooks/use-command';

const SIGNALS: { kind: SignalKind; label: string }[] = [
  { kind: 'need-a-moment', label: 'I need a moment' },
  { kind: 'check-in-with-me', label: 'Please check in with me' },
  { kind: 'slow-down', label: 'Could we slow down?' },
];

interface SignalMenuProps {
  command: CommandRunner;
  disabled: boolean;
}

/** Private signals: only the facilitator sees them, nobody else in the circle. */
export function SignalMenu({ command, disabled }: SignalMenuProps) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<string | null>(null);

  const send = async (kind: SignalKind, label: string) => {
    if (await command.run({ type: 'signal.send', kind })) {
      setSent(label);
      setOpen(false);
    }
  };

  return (
    <section className="card signals" aria-labelledby="signals-heading">
      <h2 id="signals-heading">Private signal</h2>
      <p className="muted">Only the facilitator sees these. Nobody else in the circle is told.</p>
      <button
        type="button"
        className="btn btn-block"
        aria-expanded={open}
        aria-controls="signal-options"
        onClick={() => {
          setOpen(!open);
          setSent(null);
        }}
      >
        {open ? 'Close signals' : 'Send a private signal'}
      </button>
      {open && (
        <ul className="signal-options" id="signal-options">
          {SIGNALS.map(({ kind, label }) => (
            <li key={kind}>
              <button
                type="button"
                className="btn btn-block"
                disabled={disabled || command.pending}
                onClick={() => void send(kind, label)}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="signal-sent" role="status">
        {sent !== null && `“${sent}”: sent privately to the facilitator.`}
      </p>
    </section>
  );
}
