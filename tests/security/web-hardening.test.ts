import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom } from '../helpers/clients';
import { type InspectableServer, startInspectableServer } from '../helpers/security-server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let server: InspectableServer;
beforeAll(async () => {
  server = await startInspectableServer({ config: { allowedOrigins: ['https://partner.example'] } });
});
afterAll(async () => {
  await server?.close();
});

/** The Engine.IO handshake a browser page would open, with the Origin it would send. */
async function socketHandshake(origin: string | null, host?: string) {
  const headers: Record<string, string> = {};
  if (origin) headers.origin = origin;
  if (host) headers.host = host;
  return fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers });
}

describe('the Socket.IO Origin check', () => {
  it('refuses a foreign Origin (cross-site WebSocket hijacking)', async () => {
    const res = await socketHandshake('https://evil.example');
    expect(res.status).toBe(403);
  });

  it('accepts the same origin, ALLOWED_ORIGINS, and clients that send no Origin', async () => {
    const self = new URL(server.url);
    expect((await socketHandshake(self.origin)).status).toBe(200);
    expect((await socketHandshake('https://partner.example')).status).toBe(200);
    expect((await socketHandshake(null)).status).toBe(200);
    // Look-alikes are foreign.
    expect((await socketHandshake('https://partner.example.evil.example')).status).toBe(403);
    expect((await socketHandshake(`${self.origin}.evil.example`)).status).toBe(403);
    expect((await socketHandshake('null')).status).toBe(403);
  });
});

describe('HTTP security headers (helmet)', () => {
  it('sends a strict Content-Security-Policy, no-referrer and the usual protections', async () => {
    for (const path of ['/healthz', '/api/rooms/ZZZZZZ']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
      expect(directives['default-src']).toBe("'self'");
      expect(directives['script-src']).toBe("'self'");
      expect(directives['script-src-attr']).toBe("'none'");
      expect(directives['object-src']).toBe("'none'");
      expect(directives['frame-ancestors']).toBe("'none'");
      expect(directives['base-uri']).toBe("'self'");
      expect(csp).not.toMatch(/unsafe-eval/);
      expect(directives['script-src']).not.toMatch(/unsafe-inline/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('ships pages with no inline script or inline event handler', () => {
    const pages = [`${ROOT}client/index.html`, `${ROOT}dist/client/index.html`].filter((p) => existsSync(p));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      for (const [, attributes = '', body = ''] of scripts) {
        expect(attributes, page).toMatch(/\bsrc=/);
        expect(body.trim(), page).toBe('');
      }
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, page).not.toMatch(/javascript:/i);
    }
  });
});

describe('capability links', () => {
  it('carry keys only in the URL fragment, never in the path or query', async () => {
    const room = await createRoom(server.url);
    for (const [face, link] of Object.entries(room.urls)) {
      const url = new URL(link);
      for (const key of [room.facilitatorKey, room.displayKey]) {
        expect(url.pathname + url.search, face).not.toContain(key);
      }
    }
    expect(new URL(room.urls.facilitator).hash).toBe(`#key=${room.facilitatorKey}`);
    expect(new URL(room.urls.display).hash).toBe(`#key=${room.displayKey}`);
    expect(new URL(room.urls.member).hash).toBe('');
    // The keys are long random secrets (192 bits, base64url), and only their hashes are stored.
    expect(room.facilitatorKey).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const stored = JSON.stringify(await server.store.get(room.code));
    expect(stored).not.toContain(room.facilitatorKey);
    expect(stored).not.toContain(room.displayKey);
  });
});
