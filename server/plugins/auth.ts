// Token -> request.user (API.md §5). Two scopes use it: the API scope answers 401
// on any failure, the page scope redirects to /login. Which routes are protected is
// decided by the scope they are registered in (app.ts), never by matching URLs.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { createLoginGuard, type LoginGuard } from '../auth/brute-force';
import { createRevocationStore, type RevocationStore } from '../auth/revocation';
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

/** How a route is protected, decided by the scope it is registered in (app.ts). */
export type RouteAccess = 'public' | 'api' | 'page' | 'none';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The current user; set in the authenticated scopes only. */
    user: CurrentUser;
    authentication: Authentication;
  }
  interface FastifyInstance {
    revocations: RevocationStore;
    loginGuard: LoginGuard;
    /** Every route with the protection of its scope (the route-walk test proves each /api one is locked). */
    registeredRoutes: readonly RegisteredRoute[];
  }
  interface FastifyContextConfig {
    /** Marks a route under /api as deliberately public; allowed only in the public scope. */
    public?: boolean;
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
    if (!match?.[1])
      throw new AuthenticationError('The Authorization header must be "Bearer <access token>".');
    token = match[1];
    source = 'header';
  } else {
    const cookie = request.cookies[ACCESS_COOKIE];
    if (!cookie)
      throw new AuthenticationError(
        'Missing access token: log in or send "Authorization: Bearer <token>".',
      );
    token = cookie;
    source = 'cookie';
  }

  let claims: TokenClaims;
  try {
    claims = app.tokens.verify(token, 'access');
  } catch (error) {
    throw new AuthenticationError(
      error instanceof InvalidTokenError ? error.message : 'The token is invalid.',
    );
  }

  if (source === 'cookie' && UNSAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !claims.csrf || !safeEqual(sent, claims.csrf)) {
      throw new AuthenticationError(
        'Missing or wrong X-CSRF-TOKEN header (copy it from the csrf_access_token cookie).',
      );
    }
  }

  const userId = userIdOf(claims);
  const user =
    userId === null
      ? undefined
      : await app.db.kysely
          .selectFrom('users')
          .select([
            'id',
            'first_name',
            'last_name',
            'username',
            'email',
            'image_url',
            'thumb_url',
            'is_disabled',
          ])
          .where('id', '=', userId)
          .executeTakeFirst();
  if (!user || user.is_disabled)
    throw new AuthenticationError('The user of this token no longer exists or is disabled.');
  const { is_disabled: _disabled, ...current } = user;
  request.user = current;
  request.authentication = { claims, source };
}

/** For the /api scope: any failure is a 401 with an error body and WWW-Authenticate. */
export async function requireApiUser(
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  try {
    await authenticate(this, request);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ message: error.message });
  }
}

/** For the pages (/ and /api): any failure redirects to exactly /login (API.md §6). */
export async function requirePageUser(
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  try {
    await authenticate(this, request);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    return reply.redirect('/login', 302);
  }
}

// ---- scopes and the lock-down guard ----

const kAccess = Symbol('route access of this scope');
type Scoped = FastifyInstance & { [kAccess]?: RouteAccess };

/** Routes registered here (and in its child plugins) need no token. */
export function markPublicScope(scope: FastifyInstance): void {
  (scope as Scoped)[kAccess] = 'public';
}

/** Routes registered here answer 401 without a valid access token. */
export function protectApiScope(scope: FastifyInstance): void {
  (scope as Scoped)[kAccess] = 'api';
  scope.addHook('onRequest', requireApiUser);
}

/** Routes registered here redirect to /login without a valid access token. */
export function protectPageScope(scope: FastifyInstance): void {
  (scope as Scoped)[kAccess] = 'page';
  scope.addHook('onRequest', requirePageUser);
}

const isUnderApi = (url: string) => url === '/api' || url.startsWith('/api/');

/**
 * Auth services and the lock-down guard (issue 3 §3). Call before any route is
 * registered: from then on the app refuses to start when a route under /api is in
 * no protected scope, or is public without saying so, or says so outside the
 * public scope. So a route added later cannot be left open by accident.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorate(
    'revocations',
    createRevocationStore(app.db, { refreshTtlSeconds: app.config.refreshTokenTtlSeconds }),
  );
  const loginGuard = createLoginGuard(app.config);
  app.decorate('loginGuard', loginGuard);
  app.addHook('onClose', async () => loginGuard.close());

  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', function (this: FastifyInstance, route: RouteOptions) {
    const access = (this as Scoped)[kAccess] ?? 'none';
    const declaredPublic = route.config?.public === true;
    const where = `${String(route.method)} ${route.url}`;
    if (declaredPublic && access !== 'public') {
      throw new Error(
        `Route ${where} is marked public but is not registered in the public scope (app.ts).`,
      );
    }
    if (isUnderApi(route.url) && access === 'none') {
      throw new Error(
        `Route ${where} is in no protected scope: register it in the /api scope of app.ts.`,
      );
    }
    if (isUnderApi(route.url) && access === 'public' && !declaredPublic) {
      throw new Error(`Route ${where} is public under /api without config: { public: true }.`);
    }
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access });
  });
}
