// CLIENT_DIR: a class's own built client (e.g. static/react-client/dist) served instead
// of the bundled one, the way the course's Flask app serves it: behind the login, its
// files as they are, and index.html for / and for every other path that is not a file
// (the client routes itself). /api, /login, /logout, /register and /media keep their
// own routes, which are registered explicitly and so win over the wildcard here.
import fastifyStatic from '@fastify/static';
// For the `hide` schema flag: these routes are not part of the OpenAPI document.
import type {} from '@fastify/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { clientDistDir } from '../client-build';

export interface ClientDirOptions {
  /** The built client's directory (config.clientDir: absolute, holds index.html). */
  root: string;
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '/';

/**
 * For the public scope: an unknown /api path stays a JSON 404 (API.md §4), for a
 * client's fetch as for a person, instead of the login redirect of the pages below.
 */
export async function clientDirApiNotFound(app: FastifyInstance): Promise<void> {
  app.get('/api/*', { schema: { hide: true }, config: { public: true } }, async (request, reply) =>
    reply.code(404).send({ message: `No endpoint ${request.method} ${pathOf(request)}.` }),
  );
}

/** A regular file under `root` named by the URL path, or undefined (never outside root). */
async function findFile(root: string, urlPath: string): Promise<string | undefined> {
  const full = path.resolve(root, `.${urlPath}`);
  if (!full.startsWith(root + path.sep)) return undefined;
  const info = await stat(full).catch(() => undefined);
  return info?.isFile() ? path.relative(root, full) : undefined;
}

/** For the pages scope: a logged-in user, renewal and the /login redirect come from the scope. */
export async function clientDirPageRoutes(
  app: FastifyInstance,
  { root }: ClientDirOptions,
): Promise<void> {
  // serve: false: files are sent by the handler below, only after the scope's login check.
  await app.register(fastifyStatic, { root, serve: false });

  const send = (reply: FastifyReply, file: string, from: string, cacheControl: string) =>
    reply.header('Cache-Control', cacheControl).sendFile(file, from, { cacheControl: false });

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(pathOf(request));
    } catch {
      return reply.code(400).send({ message: 'The path is not valid percent-encoding.' });
    }
    // Its files are the user's own build: revalidated (ETag) rather than cached blind.
    const own = await findFile(root, urlPath);
    if (own !== undefined) return send(reply, own, root, 'private, no-cache');
    // The API explorer at /api is the bundled build's page: its hashed assets still load.
    const bundled = urlPath.startsWith('/assets/')
      ? await findFile(clientDistDir, urlPath)
      : undefined;
    if (bundled !== undefined) {
      return send(reply, bundled, clientDistDir, 'public, max-age=31536000, immutable');
    }
    // A missing script or image is a 404, not the page: the browser would report HTML
    // as a broken script. Any other path is one of the client's routes.
    if (path.extname(urlPath) !== '') {
      return reply.code(404).type('text/plain; charset=utf-8').send(`No file ${urlPath}.`);
    }
    return send(reply, 'index.html', root, 'no-cache');
  };
  app.get('/', { schema: { hide: true } }, handler);
  app.get('/*', { schema: { hide: true } }, handler);
}
