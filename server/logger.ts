import pino, { type Logger } from 'pino';

/**
 * Logs carry room codes, command types and outcomes, never what identifies a person: names, keys,
 * tokens and the Authorization header are censored wherever they appear.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.name',
  '*.facilitatorKey',
  '*.displayKey',
  '*.memberToken',
  '*.auth',
  'auth',
  'name',
  'facilitatorKey',
  'displayKey',
  'memberToken',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
