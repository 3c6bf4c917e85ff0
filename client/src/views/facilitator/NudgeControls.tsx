import { useEffect, useRef, useState } from 'react';
import type { NudgeKind } from '../../../../shared/commands';
import type { DashProps } from './dashboard-context';

/** What each nudge asks, as the button says it; the phone words it gently (see the member's NudgeNotice). */
const NUDGES: { kind: NudgeKind; label: string; sent: string }[] = [
  { kind: 'wrap-up', label: 'Begin to wrap up', sent: 'please begin to wrap up' },
  { kind: 'time', label: 'Time is up', sent: 'time is up' },
  { kind: 'breathe', label: 'Take a breath', sent: 'take a breath' },
];

/** How long "Sent privately to Ana" stays (ms). */
const CONFIRM_MS = 6000;

/**
 * Private nudges to the speaker's own phone: never shown on the display or to anyone else. Enabled
 * only while someone holds the piece; a sent nudge is confirmed in words.
 */
export function NudgeControls({ view, connected, run, nameOf }: DashProps) {
  const speakerId = view.speaker?.memberId ?? null;
  const speaker = speakerId ? nameOf(speakerId) : null;
  const [confirmation, setConfirmation] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const send = async (kind: NudgeKind, words: string) => {
    if (!speaker) return;
    if (await run({ type: 'nudge.send', kind })) {
      clearTimeout(timer.current);
      setConfirmation(`Sent privately to ${speaker}: “${words}”.`);
      timer.current = setTimeout(() => setConfirmation(''), CONFIRM_MS);
    }
  };

  return (
    <section className="fac-nudge" aria-labelledby="fac-nudge-h" aria-describedby="fac-nudge-hint">
      <h3 id="fac-nudge-h" className="fac-subhead">
        Private nudge{speaker ? ` to ${speaker}` : ''}
      </h3>
      <p id="fac-nudge-hint" className="fac-hint">
        {speaker
          ? `Appears on ${speaker}’s phone only: never on the display or anyone else’s screen.`
          : 'When someone holds the talking piece, you can nudge their phone privately.'}
      </p>
      <div className="fac-nudge-buttons">
        {NUDGES.map((n) => (
          <button
            key={n.kind}
            type="button"
            className="fac-btn fac-btn-small"
            disabled={!connected || !speaker}
            aria-label={
              speaker ? `${n.label}: private nudge to ${speaker}’s phone` : `${n.label} (nobody is speaking)`
            }
            onClick={() => void send(n.kind, n.sent)}
          >
            {n.label}
          </button>
        ))}
      </div>
      <p className="fac-nudge-sent" role="status">
        {confirmation}
      </p>
    </section>
  );
}
