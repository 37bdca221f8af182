// Access token -> the current user (API.md §5): where the token is read from, the
// CSRF rule for cookies, and the user it names. No Fastify plugin here:
// plugins/auth.ts decides what a failure means for each scope.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findActiveUser } from '../users/users.queries';
import type { UserFields } from '../users/users.mapper';
import { ACCESS_COOKIE, CSRF_ACCESS_COOKIE } from './cookies';
import { csrfHeaderMatches, csrfRefusal, needsCsrfHeader } from './csrf';
import { noteSessionUse } from './sessions';
import { InvalidTokenError, userIdOf, type TokenClaims } from './tokens';

/** The user an access token names, with the columns that may leave the server. */
export type CurrentUser = UserFields;

export interface Authentication {
  claims: TokenClaims;
  /** Where the token came from: cookie-authenticated writes need the CSRF header. */
  source: 'header' | 'cookie';
}

export class AuthenticationError extends Error {
  constructor(
    message: string,
    /**
     * True when the access cookie was missing or expired (and no Authorization
     * header came): a page may then renew it from the refresh cookie (API.md §6).
     */
    readonly renewable = false,
  ) {
    super(message);
  }
}

/** The access token of a request: the Authorization header, else the access cookie. */
export function readAccessToken(request: FastifyRequest): {
  token: string;
  source: Authentication['source'];
} {
  const header = request.headers.authorization;
  if (header !== undefined) {
    // When an Authorization header is present it alone decides (API.md §5).
    const match = /^Bearer ([A-Za-z0-9_\-.=]+)$/.exec(header.trim());
    if (!match?.[1])
      throw new AuthenticationError('The Authorization header must be "Bearer <access token>".');
    return { token: match[1], source: 'header' };
  }
  const cookie = request.cookies[ACCESS_COOKIE];
  if (!cookie)
    throw new AuthenticationError(
      'Missing access token: log in or send "Authorization: Bearer <token>".',
      true,
    );
  return { token: cookie, source: 'cookie' };
}

/** Finds and checks the access token, then loads its user. Throws AuthenticationError. */
export async function authenticate(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<{ user: CurrentUser; authentication: Authentication }> {
  const { token, source } = readAccessToken(request);
  let claims: TokenClaims;
  try {
    claims = app.tokens.verify(token, 'access');
  } catch (error) {
    throw new AuthenticationError(
      error instanceof InvalidTokenError ? error.message : 'The token is invalid.',
      source === 'cookie' && error instanceof InvalidTokenError && error.kind === 'expired',
    );
  }

  if (
    source === 'cookie' &&
    needsCsrfHeader(request.method) &&
    !csrfHeaderMatches(request.headers['x-csrf-token'], claims)
  ) {
    throw new AuthenticationError(csrfRefusal(CSRF_ACCESS_COOKIE));
  }

  const userId = userIdOf(claims);
  // The session check rides on the statement that loads the user (API.md §5).
  const found =
    userId === null ? undefined : await findActiveUser(app.db.kysely, userId, claims.sid);
  if (!found) {
    throw new AuthenticationError(
      claims.sid === undefined
        ? 'The user of this token no longer exists or is disabled.'
        : 'This session has ended (logged out, or the password was changed): log in again.',
    );
  }
  // The session list's "last used" (API.md §5, §9): written about once a minute per session.
  if (claims.sid !== undefined) {
    await noteSessionUse(app.db.kysely, claims.sid, found.sessionLastUsedAt);
  }
  return { user: found.user, authentication: { claims, source } };
}
