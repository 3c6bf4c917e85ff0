import { useState } from 'react';
import type { MemberPulseView } from '../../../../shared/pulse';
import type { CommandRunner } from '../../hooks/use-command';

const VALUES = [1, 2, 3, 4, 5] as const;

interface PulseCardProps {
  pulse: MemberPulseView;
  command: CommandRunner;
  disabled: boolean;
}

/** The facilitator's anonymous 1–5 question; nobody sees who answered what. */
export function PulseCard({ pulse, command, disabled }: PulseCardProps) {
  const [answeredId, setAnsweredId] = useState<string | null>(null);
  if (!pulse.open) return null;
  const answered = answeredId === pulse.id;

  const answer = async (value: number) => {
    if (await command.run({ type: 'pulse.answer', value })) setAnsweredId(pulse.id);
  };

  return (
    <section className="card pulse" aria-labelledby="pulse-heading">
      <h2 id="pulse-heading">{pulse.question}</h2>
      {answered ? (
        <p role="status">Thank you. Your answer is anonymous.</p>
      ) : (
        <>
          <p className="muted">Anonymous: 1 is low, 5 is high.</p>
          <div className="pulse-values">
            {VALUES.map((value) => (
              <button
                key={value}
                type="button"
                className="btn"
                disabled={disabled || command.pending}
                aria-label={`${value} of 5`}
                onClick={() => void answer(value)}
              >
                {value}
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
