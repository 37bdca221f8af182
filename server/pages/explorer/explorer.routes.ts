// GET /api (and /api/): the interactive API explorer, the `explorer` entry of the
// client build (API.md §6). Registered in the pages scope of app.ts, whose hook
// redirects any token failure to /login, so this handler only runs for a logged-in user.
import type { FastifyPluginAsync } from 'fastify';
import { sendClientHtml } from '../client-build';

export const explorerPage: FastifyPluginAsync = async (app) => {
  // ignoreTrailingSlash (app.ts) makes this one route answer /api and /api/.
  // The page is the same for everyone, but it sits behind the login: never cache it.
  app.get('/api', { schema: { hide: true } }, async (_request, reply) =>
    sendClientHtml(reply, 'explorer.html', { cacheControl: 'no-store' }),
  );
};
