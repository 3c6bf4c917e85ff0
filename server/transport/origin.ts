import type { IncomingMessage } from 'node:http';

/**
 * Refuses cross-site WebSocket hijacking: a browser always sends `Origin`, which must be this
 * server's own origin or one of ALLOWED_ORIGINS. A client without `Origin` (a Node tool) is not a
 * browser page and is let through; it still needs a key or a name to get in.
 */
export function originAllowed(req: IncomingMessage, allowed: string[] | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed) return allowed.includes(origin);
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
