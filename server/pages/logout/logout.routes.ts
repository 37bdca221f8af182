// GET /logout (API.md §6): the refresh token's chain is revoked, the four cookies
// are cleared, and the browser goes back to the login form.
import type { FastifyInstance } from 'fastify';
import { clearSessionCookies, revokeRefreshToken } from '../../auth/session';
import { REFRESH_COOKIE } from '../../auth/cookies';

export async function logoutPageRoutes(app: FastifyInstance): Promise<void> {
  app.get('/logout', { schema: { hide: true } }, async (request, reply) => {
    await revokeRefreshToken(app, request.cookies[REFRESH_COOKIE]);
    clearSessionCookies(app, reply);
    return reply.header('Cache-Control', 'no-store').redirect('/login', 302);
  });
}
