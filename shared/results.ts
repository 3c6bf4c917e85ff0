import type { ErrorBody } from './errors';

/** The answer to every command, over the socket (ack) and over HTTP. */
export type Result = { ok: true; version: number } | { ok: false; error: ErrorBody };
