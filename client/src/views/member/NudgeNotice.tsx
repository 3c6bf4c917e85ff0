import { useEffect } from 'react';
import type { NudgeKind } from '../../../../shared/commands';
import type { Nudge } from '../../../../shared/events';

const NUDGE_WORDS: Record<NudgeKind, string> = {
  'wrap-up': 'The facilitator invites you to begin wrapping up.',
  time: 'Time is up: please finish your thought.',
  breathe: 'Take a breath. There is no rush.',
};

/** Buzz per nudge (ms on, off, on): "time" is the firmest, "breathe" the gentlest. */
const NUDGE_BUZZ: Record<NudgeKind, number[]> = { 'wrap-up': [150], time: [150, 100, 150], breathe: [60] };

/** A private nudge from the facilitator to the speaker's phone only, with a short buzz. */
export function NudgeNotice({ nudge }: { nudge: Nudge }) {
  // Each nudge buzzes once, even two of the same kind in a row: `nudge` is a new object each time.
  useEffect(() => {
    if (typeof navigator.vibrate === 'function') navigator.vibrate(NUDGE_BUZZ[nudge.kind]);
  }, [nudge]);
  return (
    <p className="notice notice-warn nudge" role="alert">
      {NUDGE_WORDS[nudge.kind]}
    </p>
  );
}
