import { z } from 'zod';
import { type ErrorCode, errorMessages } from '../../../shared/errors';
import type { CreateRoomBody, CreateRoomResponse, RoomInfo } from '../../../shared/http';
import { toErrorCode } from '../socket/wire-schemas';

const CreateRoomResponseSchema = z.object({
  code: z.string(),
  facilitatorKey: z.string(),
  displayKey: z.string(),
  urls: z.object({ facilitator: z.string(), member: z.string(), display: z.string() }),
});

const RoomInfoSchema = z.discriminatedUnion('status', [
  z.object({
    code: z.string(),
    title: z.string(),
    status: z.literal('open'),
    locked: z.boolean(),
    admission: z.enum(['open', 'approve']),
  }),
  z.object({ code: z.string(), status: z.literal('ended') }),
]);

const ErrorAnswerSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type ApiAnswer<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

async function request<T>(path: string, init: RequestInit, schema: z.ZodType<T>): Promise<ApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    return {
      ok: false,
      code: 'unavailable',
      message: 'Cannot reach Circlekeeper. Check the connection and try again.',
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, code: 'unavailable', message: 'The server sent an answer this page cannot read.' };
  }
  const error = ErrorAnswerSchema.safeParse(body);
  const code = (error.success ? toErrorCode(error.data.error.code) : null) ?? statusCode(response.status);
  return { ok: false, code, message: errorMessages[code] };
}

function statusCode(status: number): ErrorCode {
  if (status === 404) return 'room_not_found';
  if (status === 429) return 'rate_limited';
  if (status === 400) return 'invalid_command';
  return 'unavailable';
}

export function createRoom(body: CreateRoomBody): Promise<ApiAnswer<CreateRoomResponse>> {
  return request(
    '/api/rooms',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    CreateRoomResponseSchema,
  );
}

export function fetchRoomInfo(code: string): Promise<ApiAnswer<RoomInfo>> {
  return request(`/api/rooms/${encodeURIComponent(code)}`, { method: 'GET' }, RoomInfoSchema);
}
