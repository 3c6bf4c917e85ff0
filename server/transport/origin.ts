import type { IncomingMessage } from 'node:http';

/**
 * Refuses cross-site WebSocket hijacking: a browser always sends `Origin`, which must be this
 * server's own origin (compared with `Host`) or one of ALLOWED_ORIGINS. A client without `Origin`
 * (a Node tool) is not a browser page and is let through; it still needs a key or a name to get in.
 */
export function originAllowed(req: IncomingMessage, allowed: string[] | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  // The server's own pages are always welcome; ALLOWED_ORIGINS adds others (e.g. a dev server).
  if (allowed?.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
