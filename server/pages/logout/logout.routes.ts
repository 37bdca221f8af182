// GET and POST /logout (API.md §6). From this site (or a client that sends no
// Sec-Fetch-Site) GET ends the session; from another site it only asks "Log out?",
// so a link or image elsewhere cannot end anyone's session. POST needs the CSRF value
// of the csrf_access_token cookie; without it nothing ends.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_ACCESS_COOKIE } from '../../auth/cookies';
import { safeEqual } from '../../auth/csrf';
import { clearSessionCookies, endCookieSession } from '../../auth/session';
import { renderConfirmation } from './logout-page';

async function logOut(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  await endCookieSession(app, request);
  clearSessionCookies(app, reply);
  return reply.header('Cache-Control', 'no-store').redirect('/login', 302);
}

/** The CSRF value sent with the form (field csrf_token) or as X-CSRF-TOKEN. */
function sentCsrf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body;
  if (typeof body !== 'object' || body === null) return undefined;
  const field = (body as Record<string, unknown>).csrf_token;
  return typeof field === 'string' ? field : undefined;
}

/**
 * Browsers say where a navigation came from in Sec-Fetch-Site: only this site
 * ("same-origin") or the user's own typing or bookmark ("none") may log out at once;
 * a client that sends no such header (curl, older browsers) may too.
 */
function isSameSiteNavigation(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export async function logoutPageRoutes(app: FastifyInstance): Promise<void> {
  app.get('/logout', { schema: { hide: true } }, async (request, reply) => {
    if (!isSameSiteNavigation(request)) {
      return reply
        .header('Cache-Control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(renderConfirmation(request.cookies[CSRF_ACCESS_COOKIE] ?? ''));
    }
    return logOut(app, request, reply);
  });

  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    const expected = request.cookies[CSRF_ACCESS_COOKIE];
    const sent = sentCsrf(request);
    if (!expected || sent === undefined || !safeEqual(sent, expected)) {
      return reply.header('Cache-Control', 'no-store').redirect('/login', 302);
    }
    return logOut(app, request, reply);
  });
}
