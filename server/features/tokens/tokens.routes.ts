// POST /api/token and POST /api/token/refresh (API.md §4-5): the two public API
// routes, registered in the public scope of app.ts with config.public. JSON only, like
// every /api route (app.ts adds the 415 check): a form post from another site cannot reach them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import {
  Message,
  RefreshedTokens,
  RefreshRequest,
  TokenPair,
  TokenRequest,
} from '../../../contract';
import { REFRESH_COOKIE } from '../../auth/cookies';
import { checkCredentials, WRONG_CREDENTIALS } from '../../auth/credentials';
import { refreshAccess, setAccessCookies, startSession } from '../../auth/session';

const tags = ['Access Tokens'];
const errors = { 400: Message, 401: Message, 415: Message, 429: Message, 503: Message };

function refuse(reply: FastifyReply, status: 400 | 401, message: string) {
  if (status === 401) reply.header('WWW-Authenticate', 'Bearer');
  return reply.code(status).send({ message });
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
          'Exchanges a username and password for an access token (15 minutes) and a refresh token (valid until the session ends: logout, a password change, or 30 days). Also sets the device cookie that lets this client log in while the account is under attack. 429 with Retry-After after too many failed attempts; 503 with Retry-After when the server is too busy checking passwords.',
        security: [],
        body: { ...TokenRequest, examples: [{ username: 'webdev', password: 'password' }] },
        response: { 200: TokenPair, ...errors },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const result = await checkCredentials(app, request, { username, password });
      if (!result.ok && result.reason !== 'wrong') {
        return reply
          .code(result.reason === 'blocked' ? 429 : 503)
          .header('Retry-After', String(result.retryAfterSeconds))
          .send({ message: result.message });
      }
      if (!result.ok) return refuse(reply, 401, WRONG_CREDENTIALS);
      // JSON only, like the course app: course clients keep the tokens themselves.
      const tokens = await startSession(app, request, reply, {
        id: result.userId,
        username: result.username,
      });
      return reply.send(tokens.pair);
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
          'Exchanges a refresh token for a new access token. With {"refresh_token"} in the body, the answer also repeats that refresh token, which stays valid, any number of times, until its session ends. With the refresh_token_cookie and an X-CSRF-TOKEN header (the csrf_refresh_token cookie) instead, it sets new access cookies and answers the access token only.',
        security: [],
        body: { ...RefreshRequest, examples: [{ refresh_token: '<refresh token>' }] },
        response: { 200: RefreshedTokens, ...errors },
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
      const refreshed = await refreshAccess(
        app,
        token,
        viaCookie ? { csrf: typeof csrf === 'string' ? csrf : '' } : {},
      );
      if (!refreshed.ok) return refuse(reply, refreshed.status, refreshed.message);
      if (viaCookie) {
        setAccessCookies(app, reply, refreshed.access);
        return reply.send({ access_token: refreshed.access.token });
      }
      return reply.send({ access_token: refreshed.access.token, refresh_token: token });
    },
  );
};
