import type { CommandOf } from '../../shared/commands';
import { errorBody } from '../../shared/errors';
import type { Handler } from './handler';

/**
 * A gentle private nudge ("please begin to wrap up") to the holder's phone only. It changes no
 * state and is stored nowhere, so no view (least of all the display's) can ever show it: it exists
 * only as an effect the service delivers to the holder's own sockets.
 */
export const nudgeSendHandler: Handler<CommandOf<'nudge.send'>> = (draft, command, ctx) => {
  const holder = draft.speaker?.memberId;
  if (holder === undefined) return errorBody('no_speaker');
  ctx.effects.push({ kind: 'nudge', memberId: holder, nudge: { kind: command.kind, at: ctx.now } });
  return 'unchanged';
};
