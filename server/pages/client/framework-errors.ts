// Addresses the router cannot even match (Fastify's `frameworkErrors`): a path
// segment with malformed percent-encoding (`/posts/%`, `/users/%E0%A4%A`, `/%`) or a
// path parameter over the router's length limit. Fastify answers these before any
// hook runs, with a JSON body of its own — in a browser, raw JSON instead of a page.
//   - A page (GET/HEAD outside /api) with malformed encoding: 302 to the same address
//     with the % of each undecodable segment escaped as %25. That address decodes to
//     the text that was typed, so it goes through the usual way: /login for a visitor,
//     the client's not-found screen (HTTP 404) for a user.
//   - Anything else: the API's error body {message} (API.md §1, §4: malformed
//     percent-encoding may be a 400), never cached.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

const isUnderApi = (path: string) => path === '/api' || path.startsWith('/api/');

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The path with every segment that does not decode re-encoded so it does (its % as %25). */
export function repairPercentEncoding(path: string): string {
  return path
    .split('/')
    .map((segment) => (decodes(segment) ? segment : segment.replaceAll('%', '%25')))
    .join('/');
}

export function onFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const url = request.raw.url ?? '/';
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const page = (request.method === 'GET' || request.method === 'HEAD') && !isUnderApi(path);
  reply.header('Cache-Control', 'no-store');
  if (error.code === 'FST_ERR_BAD_URL') {
    const repaired = repairPercentEncoding(path);
    // A path that still does not decode (it cannot happen; a guard against a loop).
    if (page && repaired !== path && repaired.split('/').every(decodes)) {
      return reply.redirect(repaired + (queryAt === -1 ? '' : url.slice(queryAt)), 302);
    }
    return reply.code(400).send({
      message: `Malformed percent-encoding in the path: every % must begin an escape like %2F of UTF-8 text (write a % itself as %25).`,
    });
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 400;
  return reply
    .code(status >= 400 && status < 500 ? status : 400)
    .send({ message: status === 414 ? 'A part of the path is too long.' : error.message });
}
