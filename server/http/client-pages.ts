import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built React client: hashed assets cached for a year, pages never cached, and the
 * client-side routes of the three faces answered with index.html.
 */
export async function clientPages(app: FastifyInstance, opts: { root: string }) {
  if (!existsSync(opts.root)) {
    app.log.warn('client not built: run `npm run build` to serve the pages');
    return;
  }
  await app.register(fastifyStatic, {
    root: opts.root,
    // Files are looked up per request (not listed once at start), so a rebuilt client is served
    // without a restart; the pages below answer '/', so fastify-static must not declare it too.
    wildcard: true,
    index: false,
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  for (const path of ['/', '/j', '/f/:code', '/j/:code', '/d/:code']) {
    app.get(path, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
}
