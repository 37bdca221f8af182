// buildApp(config, db): the whole application, every plugin and route registered
// here in visible order. main.ts and the tests build exactly this.
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTokenService, type TokenService } from './auth/tokens';
import type { Config } from './config';
import type { Db } from './db/database';
import { healthRoutes } from './features/health/health.routes';
import { requireApiUser, requirePageUser } from './plugins/auth';
import { registerErrorHandlers } from './plugins/errors';
import { registerValidators } from './plugins/validation';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    tokens: TokenService;
  }
}

export type App = FastifyInstance;

function loggerOptions(config: Config) {
  if (config.env === 'development' && config.logLevel !== 'silent') {
    return {
      level: config.logLevel,
      transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } },
    };
  }
  return { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] };
}

/** Builds the app around an open, migrated database; the app owns it and closes it on close(). */
export async function buildApp(config: Config, db: Db): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config),
    bodyLimit: config.bodyLimit,
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('tokens', createTokenService({
    secret: config.jwtSecret,
    accessTtlSeconds: config.accessTokenTtlSeconds,
    refreshTtlSeconds: config.refreshTokenTtlSeconds,
  }));
  app.decorateRequest('user', null as never);
  app.decorateRequest('authentication', null as never);
  app.addHook('onClose', async () => db.close());

  registerErrorHandlers(app);
  registerValidators(app);
  registerJsonParser(app);

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);

  // Public: no token needed.
  await app.register(async (publicScope) => {
    await publicScope.register(healthRoutes);
  });

  // The REST API: every route here requires an access token (API.md §5).
  await app.register(
    async (api) => {
      api.addHook('onRequest', requireApiUser);
    },
    { prefix: '/api' },
  );

  // Pages for a logged-in user; any token failure redirects to /login (API.md §6).
  await app.register(async (pages) => {
    pages.addHook('onRequest', requirePageUser);
    pages.get('/', async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(`Hello, ${request.user.username}`),
    );
  });

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
    parseJson(request, body as string, done);
  });
}
