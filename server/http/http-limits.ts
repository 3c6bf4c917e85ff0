import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addressKey, type FailedAttemptLimiter, limitNow } from '../transport/command-rate-limit';
import { sendError } from './error-replies';

export interface HttpLimitsOptions {
  /** Requests to /api/* per IP per minute; undefined lifts it (LIMITS_PER_IP=off). */
  apiPerMinute: number | undefined;
  /** Shared with the Socket.IO handshake: failed room and key lookups count against the same IP. */
  attempts: FailedAttemptLimiter;
}

/** Routes that answer whether a room exists or a key is right: the guessing oracles over HTTP. */
const ROOM_ROUTE = /^\/api\/rooms\/[^/?]+/;

/**
 * Per-IP limits on HTTP, installed on the root instance so that they cover every route registered
 * after them:
 * - `@fastify/rate-limit` on /api/* (a route may set its own, stricter, `config.rateLimit`, as room
 *   creation does); the refusal is thrown as a 429 that the error replies turn into `rate_limited`;
 * - failed lookups of a room (404) or key (401) count against the address in the limiter the
 *   handshake uses; an address that has used its allowance gets 429 on those routes.
 */
export async function installHttpLimits(app: FastifyInstance, opts: HttpLimitsOptions): Promise<void> {
  const keyOf = (request: FastifyRequest) => addressKey(request.ip);
  await app.register(rateLimit, {
    global: opts.apiPerMinute !== undefined,
    max: opts.apiPerMinute ?? 0,
    timeWindow: 60_000,
    keyGenerator: keyOf,
    allowList: (request) => !request.url.startsWith('/api/'),
  });
  if (!opts.attempts.enabled) return;
  app.addHook('onRequest', async (request, reply) => {
    if (!ROOM_ROUTE.test(request.url)) return;
    if (!opts.attempts.allows(keyOf(request), limitNow())) return sendError(reply, 'rate_limited');
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!ROOM_ROUTE.test(request.url)) return;
    if (reply.statusCode === 401 || reply.statusCode === 404) opts.attempts.fail(keyOf(request), limitNow());
  });
}
