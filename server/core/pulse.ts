import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import {
  DEFAULT_PULSE_QUESTION,
  type FacilitatorPulseView,
  type MemberPulseView,
  PULSE_MIN_ANSWERS,
  type PulseResults,
} from '../../shared/pulse';
import { own } from './draft';
import type { Handler } from './handler';
import type { PulseState, RoomState } from './state';

/**
 * Anonymous 1–5 feedback. The answer of a member is added to a count per value and the member to
 * the sorted set of those who answered; nothing anywhere links the two.
 */

/** Histogram only with enough answers that no single answer can be picked out. */
function visibleResults(pulse: PulseState): PulseResults | null {
  return pulse.answered.length >= PULSE_MIN_ANSWERS ? [...pulse.counts] : null;
}

/** Closes the open pulse, if any, and keeps its record for the summary. */
export function closePulse(draft: RoomState): boolean {
  const pulse = draft.pulse;
  if (pulse === null || !pulse.open) return false;
  draft.pulse = { ...pulse, open: false };
  own(draft, 'pulses').push({
    question: pulse.question,
    answered: pulse.answered.length,
    results: visibleResults(pulse),
  });
  return true;
}

/** Opens a new question (closing any open one). */
export const pulseOpenHandler: Handler<CommandOf<'pulse.open'>> = (draft, command) => {
  closePulse(draft);
  draft.seq += 1;
  draft.pulse = {
    id: `p${draft.seq}`,
    question: command.question || DEFAULT_PULSE_QUESTION,
    open: true,
    counts: [0, 0, 0, 0, 0],
    answered: [],
  };
  return 'changed';
};

export const pulseAnswerHandler: Handler<CommandOf<'pulse.answer'>> = (draft, command, ctx) => {
  if (ctx.memberId === null) return errorBody('forbidden');
  const pulse = draft.pulse;
  if (pulse === null || !pulse.open) return errorBody('no_pulse');
  if (pulse.answered.includes(ctx.memberId)) return errorBody('already_answered');
  const at = command.value - 1;
  const counts: PulseResults = [...pulse.counts];
  counts[at] = (counts[at] ?? 0) + 1;
  // Sorted, so the order of the set does not tell who answered when (and so whose answer came last).
  draft.pulse = { ...pulse, counts, answered: [...pulse.answered, ctx.memberId].sort() };
  return 'changed';
};

export const pulseCloseHandler: Handler<CommandOf<'pulse.close'>> = (draft) =>
  closePulse(draft) ? 'changed' : errorBody('no_pulse');

export function facilitatorPulseView(pulse: PulseState): FacilitatorPulseView {
  return {
    id: pulse.id,
    question: pulse.question,
    open: pulse.open,
    answered: pulse.answered.length,
    results: pulse.open ? null : visibleResults(pulse),
  };
}

export function memberPulseView(pulse: PulseState): MemberPulseView {
  return { id: pulse.id, question: pulse.question, open: pulse.open };
}
