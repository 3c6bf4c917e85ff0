import { useEffect, useState } from 'react';
import type { NudgeKind } from '../../../../shared/commands';
import type { Nudge } from '../../../../shared/events';

const NUDGE_WORDS: Record<NudgeKind, string> = {
  'wrap-up': 'When you are ready, please begin to wrap up.',
  time: 'Your time is up. Please finish your thought.',
  breathe: 'Take a breath. There is no rush.',
};

/** Buzz per nudge (ms on, off, on): "time" is the firmest, "breathe" the gentlest. */
const NUDGE_BUZZ: Record<NudgeKind, number[]> = { 'wrap-up': [150], time: [150, 100, 150], breathe: [60] };

/** A nudge stays this long, then goes by itself: a reminder, not a sign left on the screen. */
export const NUDGE_SHOWN_MS = 15_000;

/**
 * A private nudge from the facilitator to the speaker's phone only: a soft banner with a short buzz,
 * read out by screen readers (a polite live region that is always there, so the words are announced
 * when they arrive), gone after 15 s or when the speaker taps "OK".
 *
 * `nudge` is the nudge for the current turn, or null; each nudge is a new object, so two of the same
 * kind in a row each buzz and show again.
 */
export function NudgeNotice({ nudge }: { nudge: Nudge | null }) {
  const [dismissed, setDismissed] = useState<Nudge | null>(null);

  useEffect(() => {
    if (nudge === null) return;
    if (typeof navigator.vibrate === 'function') navigator.vibrate(NUDGE_BUZZ[nudge.kind]);
    const timer = setTimeout(() => setDismissed(nudge), NUDGE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [nudge]);

  const shown = nudge !== null && dismissed !== nudge ? nudge : null;
  return (
    <div className={shown === null ? 'nudge-slot' : 'nudge-slot nudge'} data-kind={shown?.kind}>
      <p className="nudge-words" role="status">
        {shown !== null && (
          <>
            <span className="nudge-private">Only you can see this</span>
            <span className="visually-hidden">: </span>
            {NUDGE_WORDS[shown.kind]}
          </>
        )}
      </p>
      {shown !== null && (
        <button type="button" className="btn nudge-ok" onClick={() => setDismissed(shown)}>
          OK
        </button>
      )}
    </div>
  );
}
