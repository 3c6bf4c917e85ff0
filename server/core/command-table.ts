import { consentAcceptHandler, memberAdmitHandler, memberDeclineHandler } from './admission';
import { agendaNextHandler, agendaPrevHandler, agendaSetHandler } from './agenda';
import type { CommandHandlers, SystemCommandHandlers } from './handler';
import { handCallHandler, handLowerHandler, handRaiseHandler } from './hands';
import { memberJoinHandler, memberRemoveHandler, presenceSetHandler } from './members';
import { nudgeSendHandler } from './nudges';
import { turnHandToHandler } from './popcorn';
import { pulseAnswerHandler, pulseCloseHandler, pulseOpenHandler } from './pulse';
import { memberRoleHandler } from './roles';
import { roomEndHandler } from './room-end';
import { roomUpdateHandler } from './room-settings';
import { roundEndHandler, roundNextHandler, roundStartHandler } from './rounds';
import { orderSetHandler } from './seating-order';
import { signalDismissHandler, signalSendHandler } from './signals';
import {
  timerAddHandler,
  timerPauseHandler,
  timerResetHandler,
  timerResumeHandler,
  timerStartHandler,
} from './speaker-timer';
import { giveHandler, releaseHandler } from './talking-piece';
import { turnDoneHandler, turnPassHandler } from './turns';

/** One handler per command type: the type makes a forgotten command a compile error. */
export const commandHandlers: CommandHandlers = {
  'round.start': roundStartHandler,
  'round.next': roundNextHandler,
  'round.end': roundEndHandler,
  'piece.give': giveHandler,
  'piece.release': releaseHandler,
  'hand.call': handCallHandler,
  'timer.start': timerStartHandler,
  'timer.pause': timerPauseHandler,
  'timer.resume': timerResumeHandler,
  'timer.reset': timerResetHandler,
  'timer.add': timerAddHandler,
  'order.set': orderSetHandler,
  'member.remove': memberRemoveHandler,
  'room.update': roomUpdateHandler,
  'signal.dismiss': signalDismissHandler,
  'turn.done': turnDoneHandler,
  'turn.pass': turnPassHandler,
  'hand.raise': handRaiseHandler,
  'hand.lower': handLowerHandler,
  'signal.send': signalSendHandler,
  'member.admit': memberAdmitHandler,
  'member.decline': memberDeclineHandler,
  'member.role': memberRoleHandler,
  'nudge.send': nudgeSendHandler,
  'agenda.set': agendaSetHandler,
  'agenda.next': agendaNextHandler,
  'agenda.prev': agendaPrevHandler,
  'pulse.open': pulseOpenHandler,
  'pulse.close': pulseCloseHandler,
  'room.end': roomEndHandler,
  'consent.accept': consentAcceptHandler,
  'turn.handTo': turnHandToHandler,
  'pulse.answer': pulseAnswerHandler,
};

export const systemCommandHandlers: SystemCommandHandlers = {
  'member.join': memberJoinHandler,
  'presence.set': presenceSetHandler,
};
