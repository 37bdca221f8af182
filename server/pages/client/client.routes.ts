// Serves the built React client (dist/client, made by `npm run build`). Hashed assets
// are public and cached for a year; the app's HTML goes to logged-in users only, at /
// and at each of the client's own routes (API.md §6), and is never cached stale.
import fastifyStatic from '@fastify/static';
// For the `hide` schema flag: the HTML pages are not part of the OpenAPI document.
import type {} from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { CLIENT_ROUTES as SCREENS } from '../../../contract/client-routes';
import { isUrlInteger, rowIdOf } from '../../../contract/inputs';
import { authenticate, AuthenticationError } from '../../auth/authenticate';
import { clientDistDir, sendClientHtml } from '../client-build';

/** The client's own routes (contract/client-routes.ts); a reload on any of them gets the app. */
export const CLIENT_ROUTES: readonly string[] = Object.values(SCREENS).map(({ path }) => path);

/** Public: /assets/* (content-hashed by Vite, so they can be cached forever). */
export async function clientAssetRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.join(clientDistDir, 'assets'),
    prefix: '/assets/',
    index: false,
    wildcard: true,
    maxAge: '365d',
    immutable: true,
    // The build writes .br and .gz next to each asset (scripts/precompress.ts).
    preCompressed: true,
    // Other plugins (e.g. /media) may register @fastify/static too: only one may decorate.
    decorateReply: false,
    // A missing build is only logged as a warning here: the HTML routes answer it
    // with a clear 503.
  });
}

/** For the pages scope (a logged-in user; others are redirected to /login by the scope). */
export async function clientPageRoutes(app: FastifyInstance): Promise<void> {
  for (const route of CLIENT_ROUTES) {
    app.get(route, { schema: { hide: true } }, async (request, reply) => {
      // `/posts/abc` names no post: the client's not-found screen, with a 404 status.
      const { id } = request.params as { id?: string };
      const known = id === undefined || (isUrlInteger(id) && rowIdOf(id) !== null);
      return sendClientHtml(reply.code(known ? 200 : 404), 'index.html');
    });
  }
}

const isUnderApi = (url: string) => url === '/api' || url.startsWith('/api/');

/**
 * Every other GET path: the client's own "page not found" screen with HTTP 404 for a
 * logged-in user, /login for anyone else (API.md §6). Unknown /api paths keep the
 * JSON 404 of plugins/errors.ts. Registered outside the pages scope so that the
 * /api check comes before any redirect; authentication is the same function.
 */
export async function clientNotFoundRoutes(app: FastifyInstance): Promise<void> {
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (isUnderApi(path)) {
      return reply.code(404).send({ message: `No endpoint ${request.method} ${path}.` });
    }
    try {
      await authenticate(app, request);
    } catch (error) {
      if (error instanceof AuthenticationError) return reply.redirect('/login', 302);
      throw error;
    }
    return sendClientHtml(reply.code(404), 'index.html');
  });
}
