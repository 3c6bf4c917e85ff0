import type { RoundKind, SignalKind } from '../../../../../shared/commands';
import type { TimerPhase } from '../../../../../shared/timer';
import type { Outcome } from '../../../../../shared/views';

/** Words for every state the dashboard shows in colour too: colour is never the only signal. */
export const roundKindLabel: Record<RoundKind, string> = {
  'check-in': 'Check-in',
  'go-around': 'Go-around',
  closing: 'Closing',
};

export const outcomeLabel: Record<Outcome, string> = {
  pending: 'Waiting',
  spoke: 'Spoke',
  passed: 'Passed',
  absent: 'Absent',
};

export const signalLabel: Record<SignalKind, string> = {
  'need-a-moment': 'needs a moment',
  'check-in-with-me': 'asks you to check in with them',
  'slow-down': 'asks to slow down',
};

export const phaseLabel: Record<TimerPhase, string> = {
  ok: 'On time',
  warn: 'Wrap up',
  over: 'Over time',
};

export const queueOrderLabel = {
  raised: 'in the order hands were raised',
  'least-spoken': 'least spoken first (progressive stack)',
} as const;
