// Fastify glue for authentication (API.md §5): the hook that puts the token's user
// on request.user, the scopes, and the lock-down guard. The rules themselves (token,
// cookies, CSRF, the user lookup) live in auth/. The API scope answers 401 on any
// failure, the page scope redirects to /login. Which routes are protected is decided
// by the scope they are registered in (app.ts), never by matching URLs.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import {
  authenticate,
  AuthenticationError,
  type Authentication,
  type CurrentUser,
} from '../auth/authenticate';
import { REFRESH_COOKIE } from '../auth/cookies';
import { configureHashPool } from '../auth/hash-pool';
import type { CounterStore } from '../auth/counter-stores';
import { createCounterStore, createLoginLimiter, type LoginLimiter } from '../auth/login-limiter';
import { configurePasswordHashing } from '../auth/passwords';
import { refreshAccess, setAccessCookies } from '../auth/session';

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
    loginLimiter: LoginLimiter;
    /** The counters of the login limiter and the hourly quotas (one Redis connection, one outage log line). */
    counterStore: CounterStore;
    /** Every route with the protection of its scope (the route-walk test proves each /api one is locked). */
    registeredRoutes: readonly RegisteredRoute[];
  }
  interface FastifyContextConfig {
    /** Marks a route under /api as deliberately public; allowed only in the public scope. */
    public?: boolean;
  }
}

/**
 * An onRequest hook that puts the token's user on the request, or answers with
 * `refuse` when authentication fails (any other error goes to the error handler).
 */
function requireUser(refuse: (reply: FastifyReply, error: AuthenticationError) => FastifyReply) {
  return async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    try {
      const { user, authentication } = await authenticate(this, request);
      request.user = user;
      request.authentication = authentication;
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      return refuse(reply, error);
    }
  };
}

/** For the /api scope: any failure is a 401 with an error body and WWW-Authenticate. */
const requireApiUser = requireUser((reply, error) =>
  reply.code(401).header('WWW-Authenticate', 'Bearer').send({ message: error.message }),
);

/**
 * For the pages (/ and /api): any failure redirects to exactly /login (API.md §6),
 * except that a missing or expired access cookie is renewed from a valid refresh
 * cookie of a live session, so a session survives reloads for its whole lifetime.
 */
async function requirePageUser(
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  try {
    const { user, authentication } = await authenticate(this, request);
    request.user = user;
    request.authentication = authentication;
    return;
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    const refreshToken = request.cookies[REFRESH_COOKIE];
    if (error.renewable && refreshToken) {
      // A page load is a GET: SameSite=Lax cookies and no state change but the renewal.
      const renewed = await refreshAccess(this, refreshToken);
      if (renewed.ok) {
        setAccessCookies(this, reply, renewed.access);
        request.user = renewed.user;
        request.authentication = { claims: renewed.accessClaims, source: 'cookie' };
        return;
      }
    }
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
 * Auth services and the lock-down guard. Call before any route is
 * registered: from then on the app refuses to start when a route under /api is in
 * no protected scope, or is public without saying so, or says so outside the
 * public scope. So a route added later cannot be left open by accident.
 */
export function registerAuth(app: FastifyInstance): void {
  configureHashPool(app.config.hashPool);
  configurePasswordHashing({ cost: app.config.passwordHashCost });
  const counterStore = createCounterStore(app.config, app.db.kysely, app.log);
  app.decorate('counterStore', counterStore);
  const loginLimiter = createLoginLimiter(counterStore, {
    limits: app.config.loginLimits,
    windowSeconds: app.config.loginFailureWindowSeconds,
  });
  app.decorate('loginLimiter', loginLimiter);
  app.addHook('onClose', async () => loginLimiter.close());

  // API.md §5: every /api answer carries personal data or tokens, so none may be
  // stored by a browser or proxy, errors and 404s included; the OpenAPI document sets
  // its own caching.
  app.addHook('onSend', async (request, reply) => {
    if (isUnderApi(request.url.split('?')[0] ?? '') && !reply.hasHeader('Cache-Control')) {
      reply.header('Cache-Control', 'no-store');
    }
  });

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
