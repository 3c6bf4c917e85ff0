import type { z } from 'zod';
import { type Command, CommandSchema } from './commands';
import { type ErrorBody, errorBody } from './errors';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** Parses wire input with a schema; the refusal names the first problem in words for people. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return {
    ok: false,
    error: errorBody(
      'invalid_command',
      `That command is not valid (${where}${issue?.message ?? 'unreadable'}).`,
    ),
  };
}

export function parseCommand(input: unknown): Parsed<Command> {
  return parseWith(CommandSchema, input);
}
