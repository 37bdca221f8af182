// Tokens, sessions and the four cookies (API.md §5), shared by the token endpoints,
// the login, logout and register pages and the page renewal. A login starts a
// server-side session (auth/sessions.ts); its tokens carry the session's id in their
// `sid` claim, refresh tokens stay valid as long as the session, any number of times.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { TokenPair } from '../../contract';
import type { UserFields } from '../users/users.mapper';
import { findActiveUser } from '../users/users.queries';
import {
  ACCESS_COOKIE,
  CSRF_ACCESS_COOKIE,
  CSRF_REFRESH_COOKIE,
  REFRESH_COOKIE,
  SESSION_COOKIES,
} from './cookies';
import { csrfHeaderMatches, csrfRefusal } from './csrf';
import { createDeviceCookie, DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE } from './device-cookie';
import { endSession, insertSession, touchSession } from './sessions';
import { InvalidTokenError, userIdOf, type TokenClaims } from './tokens';

export interface IssuedTokens {
  pair: TokenPair;
  accessCsrf: string;
  refreshCsrf: string;
}

interface AccessToken {
  token: string;
  csrf: string;
}

/**
 * A successful login (POST /api/token, /login, /register): a new session, its
 * tokens, and the device cookie that makes this client a trusted device for the
 * username from now on.
 */
export async function startSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  user: { id: number; username: string },
): Promise<IssuedTokens> {
  const sessionId = await insertSession(app.db.kysely, user.id, request.headers['user-agent']);
  const access = app.tokens.sign('access', user.id, { fresh: true, sessionId });
  const refresh = app.tokens.sign('refresh', user.id, { sessionId });
  reply.setCookie(
    DEVICE_COOKIE,
    createDeviceCookie(app.config.jwtSecret, user.username),
    cookieOptions(app, true, DEVICE_COOKIE_MAX_AGE),
  );
  return {
    pair: { access_token: access.token, refresh_token: refresh.token },
    accessCsrf: access.claims.csrf ?? '',
    refreshCsrf: refresh.claims.csrf ?? '',
  };
}

function cookieOptions(
  app: FastifyInstance,
  httpOnly: boolean,
  maxAge: number,
): CookieSerializeOptions {
  return { path: '/', sameSite: 'lax', secure: app.config.cookieSecure, httpOnly, maxAge };
}

/** The four cookies of API.md §5, living as long as their tokens. */
export function setSessionCookies(
  app: FastifyInstance,
  reply: FastifyReply,
  tokens: IssuedTokens,
): void {
  const refreshTtl = app.config.refreshTokenTtlSeconds;
  setAccessCookies(app, reply, { token: tokens.pair.access_token, csrf: tokens.accessCsrf });
  reply
    .setCookie(REFRESH_COOKIE, tokens.pair.refresh_token, cookieOptions(app, true, refreshTtl))
    .setCookie(CSRF_REFRESH_COOKIE, tokens.refreshCsrf, cookieOptions(app, false, refreshTtl));
}

/** A renewed access token: the access and CSRF cookies only (the refresh cookie stays). */
export function setAccessCookies(
  app: FastifyInstance,
  reply: FastifyReply,
  access: AccessToken,
): void {
  const ttl = app.config.accessTokenTtlSeconds;
  reply
    .setCookie(ACCESS_COOKIE, access.token, cookieOptions(app, true, ttl))
    .setCookie(CSRF_ACCESS_COOKIE, access.csrf, cookieOptions(app, false, ttl))
    .header('Cache-Control', 'no-store');
}

export function clearSessionCookies(app: FastifyInstance, reply: FastifyReply): void {
  for (const name of SESSION_COOKIES) {
    reply.clearCookie(name, { path: '/', sameSite: 'lax', secure: app.config.cookieSecure });
  }
}

export type RefreshResult =
  | { ok: true; access: AccessToken; accessClaims: TokenClaims; user: UserFields }
  | { ok: false; status: 400 | 401; message: string };

/**
 * A new access token for a refresh token (API.md §5): valid any number of times
 * while its session lives; the session's liveness and the user are checked in one
 * statement. Tokens without a session (minted by a Flask app) keep the Flask rule:
 * valid until they expire.
 */
export async function refreshAccess(
  app: FastifyInstance,
  token: string,
  options: {
    /** The X-CSRF-TOKEN header, required when the token came as a cookie. */ csrf?: string;
  } = {},
): Promise<RefreshResult> {
  let claims: TokenClaims;
  try {
    claims = app.tokens.verify(token, 'refresh');
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    return error.kind === 'malformed'
      ? { ok: false, status: 400, message: 'The refresh_token is not a valid token.' }
      : { ok: false, status: 401, message: error.message };
  }
  if (options.csrf !== undefined && !csrfHeaderMatches(options.csrf, claims)) {
    return { ok: false, status: 401, message: csrfRefusal(CSRF_REFRESH_COOKIE) };
  }
  const userId = userIdOf(claims);
  const found =
    userId === null ? undefined : await findActiveUser(app.db.kysely, userId, claims.sid);
  if (!found) {
    return {
      ok: false,
      status: 401,
      message:
        claims.sid === undefined
          ? 'The user of this token no longer exists or is disabled.'
          : 'This session has ended (logged out, or the password was changed): log in again.',
    };
  }
  const { user } = found;
  if (claims.sid !== undefined) await touchSession(app.db.kysely, claims.sid);
  const access = app.tokens.sign('access', user.id, { sessionId: claims.sid });
  return {
    ok: true,
    access: { token: access.token, csrf: access.claims.csrf ?? '' },
    accessClaims: access.claims,
    user,
  };
}

/** The session a request's cookies belong to (refresh cookie first, then access cookie). */
function sessionOfCookies(app: FastifyInstance, request: FastifyRequest): string | undefined {
  for (const [name, type] of [
    [REFRESH_COOKIE, 'refresh'],
    [ACCESS_COOKIE, 'access'],
  ] as const) {
    const token = request.cookies[name];
    if (!token) continue;
    try {
      const sid = app.tokens.verify(token, type).sid;
      if (sid !== undefined) return sid;
    } catch (error) {
      // An invalid or expired token names no session worth ending.
      if (!(error instanceof InvalidTokenError)) throw error;
    }
  }
  return undefined;
}

/** Logout: ends the session of the request's cookies (its tokens stop working at once). */
export async function endCookieSession(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<void> {
  const sid = sessionOfCookies(app, request);
  if (sid !== undefined) await endSession(app.db.kysely, sid);
}
