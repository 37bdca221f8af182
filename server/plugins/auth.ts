// Token -> request.user (API.md §5). Two scopes use it: the API scope answers 401
// on any failure, the page scope redirects to /login. Which routes are protected is
// decided by the scope they are registered in (app.ts), never by matching URLs.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidTokenError, userIdOf, type TokenClaims } from '../auth/tokens';
import type { UserRow } from '../db/schema';

export type CurrentUser = Pick<
  UserRow,
  'id' | 'first_name' | 'last_name' | 'username' | 'email' | 'image_url' | 'thumb_url'
>;

export interface Authentication {
  claims: TokenClaims;
  /** Where the token came from: cookie-authenticated writes need the CSRF header. */
  source: 'header' | 'cookie';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The current user; set in the authenticated scopes only. */
    user: CurrentUser;
    authentication: Authentication;
  }
}

export const ACCESS_COOKIE = 'access_token_cookie';
export const REFRESH_COOKIE = 'refresh_token_cookie';
export const CSRF_ACCESS_COOKIE = 'csrf_access_token';
export const CSRF_REFRESH_COOKIE = 'csrf_refresh_token';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class AuthenticationError extends Error {}

/** Constant-time string comparison for secrets of possibly different lengths. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Finds and checks the access token, then loads its user. Throws AuthenticationError. */
export async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  let token: string;
  let source: Authentication['source'];
  if (header !== undefined) {
    // When an Authorization header is present it alone decides (API.md §5).
    const match = /^Bearer ([A-Za-z0-9_\-.=]+)$/.exec(header.trim());
    if (!match?.[1]) throw new AuthenticationError('The Authorization header must be "Bearer <access token>".');
    token = match[1];
    source = 'header';
  } else {
    const cookie = request.cookies[ACCESS_COOKIE];
    if (!cookie) throw new AuthenticationError('Missing access token: log in or send "Authorization: Bearer <token>".');
    token = cookie;
    source = 'cookie';
  }

  let claims: TokenClaims;
  try {
    claims = app.tokens.verify(token, 'access');
  } catch (error) {
    throw new AuthenticationError(error instanceof InvalidTokenError ? error.message : 'The token is invalid.');
  }

  if (source === 'cookie' && UNSAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !claims.csrf || !safeEqual(sent, claims.csrf)) {
      throw new AuthenticationError('Missing or wrong X-CSRF-TOKEN header (copy it from the csrf_access_token cookie).');
    }
  }

  const userId = userIdOf(claims);
  const user =
    userId === null
      ? undefined
      : await app.db.kysely
          .selectFrom('users')
          .select(['id', 'first_name', 'last_name', 'username', 'email', 'image_url', 'thumb_url', 'is_disabled'])
          .where('id', '=', userId)
          .executeTakeFirst();
  if (!user || user.is_disabled) throw new AuthenticationError('The user of this token no longer exists or is disabled.');
  const { is_disabled: _disabled, ...current } = user;
  request.user = current;
  request.authentication = { claims, source };
}

/** For the /api scope: any failure is a 401 with an error body and WWW-Authenticate. */
export async function requireApiUser(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  try {
    await authenticate(this, request);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    return reply
      .code(401)
      .header('WWW-Authenticate', 'Bearer')
      .send({ message: error.message });
  }
}

/** For the pages (/ and /api): any failure redirects to exactly /login (API.md §6). */
export async function requirePageUser(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  try {
    await authenticate(this, request);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    return reply.redirect('/login', 302);
  }
}
