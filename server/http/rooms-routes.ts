import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type CreateRoomBody,
  CreateRoomBodySchema,
  type CreateRoomResponse,
  facePaths,
} from '../../shared/http';
import { parseCommand, parseWith } from '../../shared/parse';
import { RoomError, type RoomService } from '../rooms/room-service';
import { STATUS_OF, sendError } from './error-replies';

export interface RoomsRoutesOptions {
  service: RoomService;
  publicUrl: string | undefined;
  /** Room creations per IP per minute; undefined lifts the limit (LIMITS_PER_IP=off). */
  createPerMinute: number | undefined;
}

export async function roomsRoutes(app: FastifyInstance, opts: RoomsRoutesOptions) {
  const { service } = opts;

  app.post(
    '/api/rooms',
    {
      config: { rateLimit: opts.createPerMinute ? { max: opts.createPerMinute, timeWindow: 60_000 } : false },
    },
    async (request, reply) => {
      const body = parseWith(CreateRoomBodySchema, request.body ?? {});
      if (!body.ok) return sendError(reply, 'invalid_command', body.error.message);
      const created = await service.createRoom(body.value satisfies CreateRoomBody);
      const base = opts.publicUrl ?? `${request.protocol}://${request.host}`;
      const answer: CreateRoomResponse = {
        ...created,
        // Keys travel only in the fragment: browsers never send it, so it reaches no log and no Referer.
        urls: {
          facilitator: `${base}${facePaths.facilitator(created.code)}#key=${created.facilitatorKey}`,
          member: `${base}${facePaths.member(created.code)}`,
          display: `${base}${facePaths.display(created.code)}#key=${created.displayKey}`,
        },
      };
      return reply.code(201).send(answer);
    },
  );

  app.get<{ Params: { code: string } }>('/api/rooms/:code', async (request, reply) => {
    const info = await service.info(request.params.code).catch(unavailable);
    if (info === 'unavailable') return sendError(reply, 'unavailable');
    return info ? info : sendError(reply, 'room_not_found');
  });

  app.post<{ Params: { code: string } }>('/api/rooms/:code/commands', async (request, reply) => {
    const key = bearer(request);
    let identity: Awaited<ReturnType<RoomService['facilitatorIdentity']>>;
    try {
      identity = await service.facilitatorIdentity(request.params.code, key ?? '');
    } catch (err) {
      if (err instanceof RoomError) return sendError(reply, err.code);
      throw err;
    }
    const command = parseCommand(request.body);
    if (!command.ok) return sendError(reply, 'invalid_command', command.error.message);
    const result = await service.execute(identity.code, command.value, identity.actor);
    if (!result.ok && STATUS_OF[result.error.code] && result.error.code !== 'invalid_command') {
      return reply.code(STATUS_OF[result.error.code]!).send({ error: result.error });
    }
    return result;
  });
}

function bearer(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

function unavailable(err: unknown): 'unavailable' {
  if (err instanceof RoomError && err.code === 'unavailable') return 'unavailable';
  throw err;
}
