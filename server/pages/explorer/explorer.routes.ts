// GET /api (and /api/): the interactive API explorer, the `explorer` entry of the
// client build (API.md §6). Registered in the pages scope of app.ts, whose hook
// redirects any token failure to /login, so this handler only runs for a logged-in user.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';

/** Where `vite build` writes the client (vite.config.ts: outDir dist/client). */
export const defaultClientDist = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'dist',
  'client',
);

export interface ExplorerPageOptions {
  clientDist?: string;
}

export const explorerPage: FastifyPluginAsync<ExplorerPageOptions> = async (app, options) => {
  const file = path.join(options.clientDist ?? defaultClientDist, 'explorer.html');

  // ignoreTrailingSlash (app.ts) makes this one route answer /api and /api/.
  app.get('/api', { schema: { hide: true } }, async (_request, reply) => {
    // Read per request: `npm test` runs before any build, and a rebuild must be picked
    // up without a restart; the file is small and the page is not hot.
    let html: string;
    try {
      html = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send('The API explorer is not built yet: run `npm run build`, then reload this page.');
    }
    // The page is the same for everyone, but it sits behind the login: never serve it from a cache.
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html);
  });
};
