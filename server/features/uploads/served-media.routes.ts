// GET /media/u/<name>: uploaded images, public like any image URL (API.md §9): an
// <img> on another origin loads them without credentials (Cross-Origin-Resource-
// Policy: cross-origin), and the unguessable names are the only access control.
// A name never changes content, so it is cached for a year and revalidates by ETag.
import { createHash } from 'node:crypto';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../../errors';
import { STORED_NAME } from './media-names';
import { createMediaStorage } from './media-storage';

const CACHE_FOREVER = 'public, max-age=31536000, immutable';

/** A strong validator from the bytes themselves. */
const etagOf = (bytes: Buffer) =>
  `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;

/** RFC 9110 §13.1.2: If-None-Match compares weakly and may list several tags, or be `*`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

export const servedMediaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const storage = createMediaStorage(app.config, app.db);

  app.get(
    '/media/u/:file',
    { schema: { hide: true, params: Type.Object({ file: Type.String() }) } },
    async (request, reply) => {
      const { file } = request.params;
      const stored = STORED_NAME.test(file) ? await storage.read(file) : undefined;
      if (!stored) throw notFound(`No uploaded image ${file}.`);
      const etag = etagOf(stored.bytes);
      reply
        .header('Cache-Control', CACHE_FOREVER)
        .header('ETag', etag)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cross-Origin-Resource-Policy', 'cross-origin');
      if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type(stored.contentType).send(stored.bytes);
    },
  );
};
