import { useState } from 'react';
import type { MemberPulseView } from '../../../../shared/pulse';
import type { CommandRunner } from '../../hooks/use-command';
import { hasAnswered, rememberAnswered } from '../../state/pulse-memory';

const VALUES = [1, 2, 3, 4, 5] as const;

interface PulseCardProps {
  code: string;
  pulse: MemberPulseView;
  command: CommandRunner;
  disabled: boolean;
}

/**
 * The facilitator's anonymous 1–5 question, with five big buttons. The phone knows it answered from
 * the server's ack (or, after a reload, from `already_answered`), and keeps no trace of the value.
 */
export function PulseCard({ code, pulse, command, disabled }: PulseCardProps) {
  // Bumped to re-render once this pulse is remembered as answered.
  const [, setAnsweredId] = useState<string | null>(null);
  if (!pulse.open) return null;
  const answered = hasAnswered(code, pulse.id);

  const answer = async (value: number) => {
    const result = await command.attempt({ type: 'pulse.answer', value }, { already_answered: null });
    if (result.ok || result.error.code === 'already_answered') {
      rememberAnswered(code, pulse.id);
      setAnsweredId(pulse.id);
    }
  };

  return (
    <section className="card pulse" aria-labelledby="pulse-heading">
      <p className="pulse-kicker">A question for everyone</p>
      <h2 id="pulse-heading">{pulse.question}</h2>
      {answered ? (
        <p className="pulse-thanks" role="status">
          Thank you, your answer is in. It is anonymous: nobody sees who answered what.
        </p>
      ) : (
        <>
          <p className="muted" id="pulse-hint">
            Anonymous: nobody, not even the facilitator, sees who answered what.
          </p>
          <fieldset className="pulse-scale" aria-describedby="pulse-hint">
            <legend className="visually-hidden">Your answer, from 1 (low) to 5 (high)</legend>
            <div className="pulse-values">
              {VALUES.map((value) => (
                <button
                  key={value}
                  type="button"
                  className="btn pulse-value"
                  disabled={disabled || command.pending}
                  aria-label={value === 1 ? '1, low' : value === 5 ? '5, high' : String(value)}
                  onClick={() => void answer(value)}
                >
                  {value}
                </button>
              ))}
            </div>
            <div className="pulse-ends" aria-hidden="true">
              <span>Low</span>
              <span>High</span>
            </div>
          </fieldset>
        </>
      )}
    </section>
  );
}
