// buildApp(config, db): the whole application, every plugin and route registered
// here in visible order. main.ts and the tests build exactly this.
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTokenService, type TokenService } from './auth/tokens';
import type { Config } from './config';
import type { Db } from './db/database';
import { bookmarksRoutes } from './features/bookmarks/bookmarks.routes';
import { commentsRoutes } from './features/comments/comments.routes';
import { followersRoutes } from './features/followers/followers.routes';
import { followingRoutes } from './features/following/following.routes';
import { healthRoutes } from './features/health/health.routes';
import { likesRoutes } from './features/likes/likes.routes';
import { mediaRoutes } from './features/media/media.routes';
import { postsRoutes } from './features/posts/posts.routes';
import { profileRoutes } from './features/profile/profile.routes';
import { passwordRoutes } from './features/sessions/password.routes';
import { sessionsRoutes } from './features/sessions/sessions.routes';
import { storiesRoutes } from './features/stories/stories.routes';
import { suggestionsRoutes } from './features/suggestions/suggestions.routes';
import { signUpRoutes } from './features/sign-up/sign-up.routes';
import { servedMediaRoutes } from './features/uploads/served-media.routes';
import { uploadsRoutes } from './features/uploads/uploads.routes';
import { usersRoutes } from './features/users/users.routes';
import {
  clientAssetRoutes,
  clientNotFoundRoutes,
  clientPageRoutes,
} from './pages/client/client.routes';
import { explorerPage } from './pages/explorer/explorer.routes';
import { clientDirApiNotFound, clientDirPageRoutes } from './pages/client/client-dir.routes';
import { onFrameworkError } from './pages/client/framework-errors';
import { tokenRoutes } from './features/tokens/tokens.routes';
import { loginPageRoutes } from './pages/login/login.routes';
import { logoutPageRoutes } from './pages/logout/logout.routes';
import { registerPageRoutes } from './pages/register/register.routes';
import { markPublicScope, protectApiScope, protectPageScope, registerAuth } from './plugins/auth';
import { registerCompression } from './plugins/compression';
import { registerErrorHandlers } from './plugins/errors';
import { openApiRoutes, registerOpenApi } from './plugins/openapi';
import { logController, loggerOptions } from './plugins/request-log';
import { registerSecurity } from './plugins/security';
import { registerValidators, rejectNonJsonBody } from './plugins/validation';
import { registerSignUps } from './auth/sign-up';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    tokens: TokenService;
  }
}

export type App = FastifyInstance;

/** The REST API's resources, registered in this order under /api, every one behind a token. */
const apiRoutes = [
  postsRoutes,
  commentsRoutes,
  likesRoutes,
  bookmarksRoutes,
  followingRoutes,
  followersRoutes,
  profileRoutes,
  passwordRoutes,
  sessionsRoutes,
  suggestionsRoutes,
  storiesRoutes,
  uploadsRoutes,
  usersRoutes,
];

/** Builds the app around an open, migrated database; the app owns it and closes it on close(). */
export async function buildApp(config: Config, db: Db): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config),
    logController: logController(config),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    // A path the router cannot decode: a page goes to its repaired address, the API gets {message}.
    frameworkErrors: onFrameworkError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate(
    'tokens',
    createTokenService({
      secret: config.jwtSecret,
      accessTtlSeconds: config.accessTokenTtlSeconds,
      refreshTtlSeconds: config.refreshTokenTtlSeconds,
    }),
  );
  app.decorateRequest('user', null as never);
  app.decorateRequest('authentication', null as never);
  app.addHook('onClose', async () => db.close());

  registerErrorHandlers(app);
  registerValidators(app);
  await registerOpenApi(app);
  registerJsonParser(app);

  // Before any route: from here on a route under /api left unprotected stops start-up.
  registerAuth(app);
  registerSignUps(app);
  await registerSecurity(app);
  await registerCompression(app);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);

  // Public: no token needed.
  await app.register(async (publicScope) => {
    markPublicScope(publicScope);
    await publicScope.register(healthRoutes);
    await publicScope.register(openApiRoutes);
    // JSON only (415), like the protected API: a form from another site cannot post here.
    await publicScope.register(async (tokenScope) => {
      tokenScope.addHook('onRequest', rejectNonJsonBody);
      await tokenScope.register(tokenRoutes);
      await tokenScope.register(signUpRoutes);
    });
    await publicScope.register(loginPageRoutes);
    await publicScope.register(logoutPageRoutes);
    await publicScope.register(registerPageRoutes);
    await publicScope.register(mediaRoutes);
    await publicScope.register(servedMediaRoutes);
    // CLIENT_DIR: a class's own build replaces the bundled client (and its asset route).
    if (config.clientDir === null) await publicScope.register(clientAssetRoutes);
    else await publicScope.register(clientDirApiNotFound);
  });

  // The REST API: every route here requires an access token (API.md §5).
  await app.register(
    async (api) => {
      protectApiScope(api);
      api.addHook('onRequest', rejectNonJsonBody);
      for (const routes of apiRoutes) await api.register(routes);
    },
    { prefix: '/api' },
  );

  // Pages for a logged-in user; any token failure redirects to /login (API.md §6).
  await app.register(async (pages) => {
    protectPageScope(pages);
    await pages.register(explorerPage);
    if (config.clientDir === null) await pages.register(clientPageRoutes);
    else await pages.register(clientDirPageRoutes, { root: config.clientDir });
  });
  // Any other GET: the client's not-found screen (or /login), JSON under /api.
  if (config.clientDir === null) await app.register(clientNotFoundRoutes);

  return app;
}

/**
 * Fastify's JSON parser (with its prototype-poisoning protection), except that an
 * empty body is no body: the course's React client sends Content-Type:
 * application/json with empty DELETE requests (API.md §4).
 */
function registerJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) {
      done(null, undefined);
      return;
    }
    void parseJson(request, body as string, done);
  });
}
