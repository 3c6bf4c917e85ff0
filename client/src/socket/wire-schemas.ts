import { z } from 'zod';
import { MemberRoleSchema, NudgeKindSchema } from '../../../shared/commands';
import { ErrorCode } from '../../../shared/errors';
import { MemberStatusSchema } from '../../../shared/lobby';
import type { Result } from '../../../shared/results';

/**
 * Schemas for the few wire shapes that shared/ declares only as TypeScript interfaces.
 * Everything the client receives is parsed: nothing from the wire is cast.
 */
export const WelcomeSchema = z.object({
  role: z.enum(['facilitator', 'cofacilitator', 'member', 'display']),
  memberId: z.string().optional(),
  memberToken: z.string().optional(),
  status: MemberStatusSchema.optional(),
  serverNow: z.number(),
});

export const ClockAckSchema = z.object({ serverNow: z.number() });

export const RemovedSchema = z.object({ reason: z.enum(['removed', 'declined', 'ended']) });
export const StatusEventSchema = z.object({ status: MemberStatusSchema });
export const RoleEventSchema = z.object({ role: MemberRoleSchema });
export const NudgeSchema = z.object({ kind: NudgeKindSchema, at: z.number() });

const ResultSchema = z.union([
  z.object({ ok: z.literal(true), version: z.number() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** An error code of the contract, or null for anything else (e.g. a transport failure's text). */
export function toErrorCode(text: string): ErrorCode | null {
  return KNOWN_CODES.has(text) ? (text as ErrorCode) : null;
}

/** Parses a command's answer; an unreadable answer counts as the service being unavailable. */
export function parseResult(input: unknown): Result {
  const parsed = ResultSchema.safeParse(input);
  if (!parsed.success) return unavailable('The server sent an answer this page cannot read.');
  if (parsed.data.ok) return parsed.data;
  const { code, message } = parsed.data.error;
  return { ok: false, error: { code: toErrorCode(code) ?? 'unavailable', message } };
}

export function unavailable(message = 'Not connected. Please wait a moment and try again.'): Result {
  return { ok: false, error: { code: 'unavailable', message } };
}
