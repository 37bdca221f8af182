// Token pairs, refresh-token rotation and the four cookies (API.md §5), shared by
// the token endpoints, POST /login and GET /logout.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { TokenPair } from '../../contract';
import { findActiveUser } from '../users/users.queries';
import {
  ACCESS_COOKIE,
  CSRF_ACCESS_COOKIE,
  CSRF_REFRESH_COOKIE,
  REFRESH_COOKIE,
  SESSION_COOKIES,
} from './cookies';
import { csrfHeaderMatches, csrfRefusal } from './csrf';
import { familyOf } from './revocation';
import { InvalidTokenError, userIdOf, type TokenClaims } from './tokens';

export interface Session {
  pair: TokenPair;
  accessCsrf: string;
  refreshCsrf: string;
}

/** A fresh access + refresh token; `family` continues a rotation chain. */
export function issueSession(
  app: FastifyInstance,
  userId: number,
  options: { fresh?: boolean; family?: string } = {},
): Session {
  const access = app.tokens.sign('access', userId, { fresh: options.fresh ?? false });
  const refresh = app.tokens.sign('refresh', userId, { family: options.family });
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
  session: Session,
): void {
  const accessTtl = app.config.accessTokenTtlSeconds;
  const refreshTtl = app.config.refreshTokenTtlSeconds;
  reply
    .setCookie(ACCESS_COOKIE, session.pair.access_token, cookieOptions(app, true, accessTtl))
    .setCookie(REFRESH_COOKIE, session.pair.refresh_token, cookieOptions(app, true, refreshTtl))
    .setCookie(CSRF_ACCESS_COOKIE, session.accessCsrf, cookieOptions(app, false, accessTtl))
    .setCookie(CSRF_REFRESH_COOKIE, session.refreshCsrf, cookieOptions(app, false, refreshTtl))
    .header('Cache-Control', 'no-store');
}

export function clearSessionCookies(app: FastifyInstance, reply: FastifyReply): void {
  for (const name of SESSION_COOKIES) {
    reply.clearCookie(name, { path: '/', sameSite: 'lax', secure: app.config.cookieSecure });
  }
}

export type RotationResult =
  | { ok: true; session: Session; claims: TokenClaims }
  | { ok: false; status: 400 | 401; message: string };

/**
 * Refresh-token rotation with reuse detection: the presented token is used up and
 * a new pair in the same chain is issued; a token presented a second time (stolen,
 * or replayed) revokes its whole chain, so the thief's copy dies with the user's.
 */
export async function rotateRefreshToken(
  app: FastifyInstance,
  token: string,
  options: {
    /** The X-CSRF-TOKEN header, required when the token came as a cookie. */ csrf?: string;
  } = {},
): Promise<RotationResult> {
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
  const revoked = {
    ok: false,
    status: 401,
    message: 'The refresh token has been revoked: log in again.',
  } as const;
  if (await app.revocations.isRevoked(claims)) {
    await app.revocations.revokeFamily(claims);
    return revoked;
  }
  const userId = userIdOf(claims);
  const user = userId === null ? undefined : await findActiveUser(app.db.kysely, userId);
  if (!user) {
    return {
      ok: false,
      status: 401,
      message: 'The user of this token no longer exists or is disabled.',
    };
  }
  // Atomic: of two concurrent refreshes with one token, exactly one gets here first.
  if (!(await app.revocations.consume(claims))) {
    await app.revocations.revokeFamily(claims);
    return revoked;
  }
  return { ok: true, session: issueSession(app, user.id, { family: familyOf(claims) }), claims };
}

/** Logout: the presented refresh token's whole chain is refused from now on. */
export async function revokeRefreshToken(
  app: FastifyInstance,
  token: string | undefined,
): Promise<void> {
  if (!token) return;
  try {
    const claims = app.tokens.verify(token, 'refresh');
    await app.revocations.revokeFamily(claims);
  } catch (error) {
    // An invalid or expired token needs no revocation: it is refused anyway.
    if (!(error instanceof InvalidTokenError)) throw error;
  }
}
