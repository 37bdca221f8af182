// POST /api/token and POST /api/token/refresh (API.md §4-5): the two public API
// routes, registered in the public scope of app.ts with config.public.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Message, RefreshRequest, TokenPair, TokenRequest } from '../../../contract';
import { checkCredentials, WRONG_CREDENTIALS } from '../../auth/credentials';
import { issueSession, rotateRefreshToken, setSessionCookies } from '../../auth/session';
import { REFRESH_COOKIE } from '../../auth/cookies';

const tags = ['Access Tokens'];
const errors = { 400: Message, 401: Message, 429: Message };

function refuse(reply: FastifyReply, status: 400 | 401, message: string) {
  if (status === 401) reply.header('WWW-Authenticate', 'Bearer');
  return reply.code(status).header('Cache-Control', 'no-store').send({ message });
}

export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Get Access Token',
        description:
          'Exchanges a username and password for an access token (15 minutes) and a refresh token (30 days).',
        security: [],
        body: { ...TokenRequest, examples: [{ username: 'webdev', password: 'password' }] },
        response: { 200: TokenPair, ...errors },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const result = await checkCredentials(app, { username, password, ip: request.ip });
      if (!result.ok && result.reason === 'blocked') {
        return reply
          .code(429)
          .header('Retry-After', String(result.retryAfterSeconds))
          .send({ message: result.message });
      }
      if (!result.ok) return refuse(reply, 401, WRONG_CREDENTIALS);
      // JSON only, like the course app: course clients keep the tokens themselves.
      return reply
        .header('Cache-Control', 'no-store')
        .send(issueSession(app, result.userId, { fresh: true }).pair);
    },
  );

  app.post(
    '/api/token/refresh',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Refresh Access Token',
        description:
          'Exchanges a refresh token (in the body, or the refresh_token_cookie with an X-CSRF-TOKEN header) for a new access and refresh token; the old refresh token stops working.',
        security: [],
        body: { ...RefreshRequest, examples: [{ refresh_token: '<refresh token>' }] },
        response: { 200: TokenPair, ...errors },
      },
      // Browser clients refresh with the cookie and no body at all.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const fromBody = request.body?.refresh_token;
      const fromCookie = request.cookies[REFRESH_COOKIE];
      const token = fromBody ?? fromCookie;
      if (token === undefined || token === '') {
        return refuse(
          reply,
          400,
          'Missing refresh_token: send {"refresh_token": "<refresh token>"} or the refresh_token_cookie.',
        );
      }
      // Browser clients: the cookie goes along automatically, so it needs the CSRF
      // header that only same-origin JavaScript can read (API.md §5).
      const viaCookie = fromBody === undefined;
      const csrf = request.headers['x-csrf-token'];
      const rotated = await rotateRefreshToken(
        app,
        token,
        viaCookie ? { csrf: typeof csrf === 'string' ? csrf : '' } : {},
      );
      if (!rotated.ok) return refuse(reply, rotated.status, rotated.message);
      if (viaCookie) setSessionCookies(app, reply, rotated.session);
      return reply.header('Cache-Control', 'no-store').send(rotated.session.pair);
    },
  );
};
