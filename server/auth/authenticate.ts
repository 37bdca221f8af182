// Access token -> the current user (API.md §5): where the token is read from, the
// CSRF rule for cookies, and the user it names. No Fastify plugin here:
// plugins/auth.ts decides what a failure means for each scope.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findActiveUser } from '../users/users.queries';
import type { UserFields } from '../users/users.mapper';
import { ACCESS_COOKIE, CSRF_ACCESS_COOKIE } from './cookies';
import { csrfHeaderMatches, csrfRefusal, needsCsrfHeader } from './csrf';
import { InvalidTokenError, userIdOf, type TokenClaims } from './tokens';

/** The user an access token names, with the columns that may leave the server. */
export type CurrentUser = UserFields;

export interface Authentication {
  claims: TokenClaims;
  /** Where the token came from: cookie-authenticated writes need the CSRF header. */
  source: 'header' | 'cookie';
}

export class AuthenticationError extends Error {}

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
  const user = userId === null ? undefined : await findActiveUser(app.db.kysely, userId);
  if (!user)
    throw new AuthenticationError('The user of this token no longer exists or is disabled.');
  return { user, authentication: { claims, source } };
}
