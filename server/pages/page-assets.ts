// What the server-rendered pages share that is not the client's build: their own
// stylesheets, read once at start and cached by browsers for an hour.
import type { FastifyInstance } from 'fastify';

/** GET `url` answers `css` (hidden from the OpenAPI document, like the pages). */
export function serveStylesheet(app: FastifyInstance, url: string, css: string): void {
  app.get(url, { schema: { hide: true } }, async (_request, reply) =>
    reply.header('Cache-Control', 'public, max-age=3600').type('text/css; charset=utf-8').send(css),
  );
}
