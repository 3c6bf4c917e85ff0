import type { FastifyInstance, FastifyReply } from 'fastify';
import { type ErrorCode, errorBody } from '../../shared/errors';

/** Transport refusals use the HTTP status; the body is always `{ error: { code, message } }`. */
export const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  invalid_command: 400,
  bad_credentials: 401,
  room_not_found: 404,
  room_ended: 410,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export function sendError(reply: FastifyReply, code: ErrorCode, message?: string) {
  return reply.code(STATUS_OF[code] ?? 400).send({ error: errorBody(code, message) });
}

/** Fastify's own refusals (bad JSON, too large, rate limit, unknown route) in the contract's shape. */
export function installErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((err: { statusCode?: number; message: string }, request, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413) return sendError(reply, 'payload_too_large');
    if (status === 429) return sendError(reply, 'rate_limited');
    if (status >= 400 && status < 500)
      return sendError(reply, 'invalid_command', 'The request could not be read.');
    request.log.error({ err }, 'request failed');
    return sendError(reply, 'unavailable');
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: 'There is nothing at this address.' } }),
  );
}
