import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import { own } from './draft';
import type { Handler } from './handler';

/** Signals kept for the facilitators: the newest 50; older ones drop off. */
export const MAX_SIGNALS = 50;

export const signalSendHandler: Handler<CommandOf<'signal.send'>> = (draft, command, ctx) => {
  if (ctx.memberId === null) return errorBody('forbidden');
  draft.seq += 1;
  const signals = own(draft, 'signals');
  signals.push({ id: `s${draft.seq}`, memberId: ctx.memberId, kind: command.kind, at: ctx.now });
  if (signals.length > MAX_SIGNALS) signals.splice(0, signals.length - MAX_SIGNALS);
  return 'changed';
};

/** Idempotent: dismissing an unknown (or already dismissed) signal changes nothing. */
export const signalDismissHandler: Handler<CommandOf<'signal.dismiss'>> = (draft, command) => {
  const position = draft.signals.findIndex((signal) => signal.id === command.signalId);
  if (position === -1) return 'unchanged';
  own(draft, 'signals').splice(position, 1);
  return 'changed';
};
