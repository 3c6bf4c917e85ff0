/** Stable error codes of the public contract. Codes are for code; messages are for people. */
export const ErrorCode = {
  invalid_command: 'invalid_command',
  forbidden: 'forbidden',
  not_holder: 'not_holder',
  no_round: 'no_round',
  no_timer: 'no_timer',
  queue_empty: 'queue_empty',
  unknown_member: 'unknown_member',
  no_members: 'no_members',
  room_not_found: 'room_not_found',
  bad_credentials: 'bad_credentials',
  room_locked: 'room_locked',
  invalid_name: 'invalid_name',
  name_taken: 'name_taken',
  removed: 'removed',
  rate_limited: 'rate_limited',
  payload_too_large: 'payload_too_large',
  unavailable: 'unavailable',
  room_full: 'room_full',
  // v1.1
  not_admitted: 'not_admitted',
  popcorn_off: 'popcorn_off',
  no_speaker: 'no_speaker',
  no_pulse: 'no_pulse',
  already_answered: 'already_answered',
  room_ended: 'room_ended',
  not_waiting: 'not_waiting',
  no_agenda: 'no_agenda',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorMessages: Record<ErrorCode, string> = {
  invalid_command: 'That command is not valid.',
  forbidden: 'Your role may not do that.',
  not_holder: 'Only the person holding the talking piece can do that.',
  no_round: 'No round is running.',
  no_timer: 'There is no timer to change.',
  queue_empty: 'Nobody has a hand raised.',
  unknown_member: 'That person is not in the room.',
  no_members: 'Nobody is online to take a turn.',
  room_not_found: 'There is no room with that code. Check the code and try again.',
  bad_credentials: 'This link is not valid for the room any more.',
  room_locked: 'The room is locked: the facilitator is not letting new people in.',
  invalid_name: 'Please use a name of 1 to 40 letters, without special characters.',
  name_taken: 'Someone in the room already uses that name. Add an initial?',
  removed: 'You were removed from this room.',
  rate_limited: 'Too many requests. Please wait a moment.',
  payload_too_large: 'That message is too large.',
  unavailable: 'The service is briefly unavailable. Please try again.',
  room_full: 'The room is full.',
  not_admitted: 'You are not in the circle yet: please accept the agreements or wait to be let in.',
  popcorn_off: 'Handing the piece to someone is not turned on in this room.',
  no_speaker: 'Nobody is holding the talking piece.',
  no_pulse: 'There is no open question right now.',
  already_answered: 'You have already answered this question. Thank you.',
  room_ended: 'This circle has ended.',
  not_waiting: 'That person is not waiting to be let in.',
  no_agenda: 'This room has no agenda.',
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

export function errorBody(code: ErrorCode, message: string = errorMessages[code]): ErrorBody {
  return { code, message };
}
