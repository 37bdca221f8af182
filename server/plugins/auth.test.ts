import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify, { type FastifyPluginAsync } from 'fastify';
import { apiAs, createUser, loginCookies } from '../../test/fixtures';
import { buildTestApp, useTestApp, testDialect } from '../../test/helpers';
import { markPublicScope, protectApiScope, registerAuth, type RegisteredRoute } from './auth';

/** A concrete URL for a route pattern: every parameter becomes 1, a wildcard "x". */
const sampleUrl = (route: RegisteredRoute) => route.url.replace(/:[^/]+/g, '1').replace(/\*/g, 'x');
const underApi = (route: RegisteredRoute) => route.url === '/api' || route.url.startsWith('/api/');

describe(`lock-down of /api (${testDialect})`, () => {
  const t = useTestApp();

  it('registers API routes at all (the walk below is not vacuous)', () => {
    const apiRoutes = t.app.registeredRoutes.filter(
      (route) => underApi(route) && route.access === 'api',
    );
    assert.ok(apiRoutes.length >= 1);
  });

  it('answers 401 with WWW-Authenticate: Bearer on every protected /api route without a token', async () => {
    const apiRoutes = t.app.registeredRoutes.filter(
      (route) => underApi(route) && route.access === 'api',
    );
    for (const route of apiRoutes) {
      const response = await t.app.inject({ method: route.method as 'GET', url: sampleUrl(route) });
      const where = `${route.method} ${sampleUrl(route)}`;
      assert.equal(response.statusCode, 401, where);
      assert.equal(response.headers['www-authenticate'], 'Bearer', where);
      if (route.method !== 'HEAD') assert.equal(typeof response.json().message, 'string', where);
    }
  });

  it('has no /api route outside a protected or explicitly public scope', () => {
    const open = t.app.registeredRoutes.filter(
      (route) => underApi(route) && !['api', 'page', 'public'].includes(route.access),
    );
    assert.deepEqual(open, []);
  });

  it('makes public under /api exactly the token endpoints, sign-up and the OpenAPI document', () => {
    // API.md §9: POST /api/users (sign-up) is public like /api/token; GET /api/users is not.
    const allowed = new Set([
      'POST /api/token',
      'POST /api/token/refresh',
      'POST /api/users',
      'GET /api/openapi.json',
      'HEAD /api/openapi.json',
    ]);
    const publicApi = t.app.registeredRoutes.filter(
      (route) => underApi(route) && route.access === 'public',
    );
    for (const route of publicApi)
      assert.ok(
        allowed.has(`${route.method} ${route.url}`),
        `${route.method} ${route.url} is public`,
      );
    assert.ok(publicApi.some((route) => route.url === '/api/token' && route.method === 'POST'));
    assert.ok(
      publicApi.some((route) => route.url === '/api/token/refresh' && route.method === 'POST'),
    );
  });

  it('redirects every /api page (the explorer) to /login without a token', async () => {
    for (const route of t.app.registeredRoutes.filter(
      (r) => underApi(r) && r.access === 'page' && r.method === 'GET',
    )) {
      const response = await t.app.inject({ method: 'GET', url: sampleUrl(route) });
      assert.equal(response.statusCode, 302, route.url);
      assert.equal(response.headers.location, '/login', route.url);
    }
  });
});

describe('the lock-down guard at start-up', () => {
  /** Registers `plugin` on a fresh Fastify with the same guard (the real app stays untouched) and expects the refusal. */
  async function assertRefused(plugin: FastifyPluginAsync, message: RegExp, prefix?: string) {
    const t = await buildTestApp();
    const app = Fastify();
    app.decorate('config', t.config);
    app.decorate('db', t.db);
    registerAuth(app);
    try {
      await assert.rejects(async () => app.register(plugin, prefix ? { prefix } : {}), message);
    } finally {
      await Promise.all([app.close(), t.close()]);
    }
  }

  it('refuses a route under /api registered in no protected scope', async () => {
    await assertRefused(async (scope) => {
      scope.get('/api/forgotten', async () => ({}));
    }, /GET \/api\/forgotten is in no protected scope/);
  });

  it('refuses config.public outside the public scope', async () => {
    await assertRefused(
      async (scope) => {
        protectApiScope(scope);
        scope.get('/sneaky', { config: { public: true } }, async () => ({}));
      },
      /is marked public but is not registered in the public scope/,
      '/api',
    );
  });

  it('refuses an /api route in the public scope that is not marked public', async () => {
    await assertRefused(async (scope) => {
      markPublicScope(scope);
      scope.get('/api/implicit', async () => ({}));
    }, /is public under \/api without config: \{ public: true \}/);
  });
});

describe(`where the access token comes from (${testDialect})`, () => {
  const t = useTestApp();

  it('accepts a Bearer header and makes the token user the current user', async () => {
    const user = await createUser(t.db);
    const response = await apiAs(t.app, user.id)('GET', '/api/profile');
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().id, user.id);
  });

  it('accepts the access_token_cookie for reads without a CSRF header', async () => {
    const user = await createUser(t.db);
    const { cookie } = loginCookies(t.app, user.id);
    const response = await t.app.inject({ method: 'GET', url: '/api/posts', headers: { cookie } });
    assert.equal(response.statusCode, 200);
  });

  it('lets the Authorization header alone decide, even when a valid cookie came too', async () => {
    const user = await createUser(t.db);
    const { cookie } = loginCookies(t.app, user.id);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/posts',
      headers: { cookie, authorization: 'Bearer not.a.token' },
    });
    assert.equal(response.statusCode, 401);
  });

  it('needs X-CSRF-TOKEN equal to the csrf claim for a cookie-authenticated write', async () => {
    const user = await createUser(t.db);
    const { cookie, csrf } = loginCookies(t.app, user.id);
    const payload = { image_url: '/media/seed/x.svg' };
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: { cookie },
      payload,
    });
    assert.equal(without.statusCode, 401);
    assert.match(without.json().message, /X-CSRF-TOKEN/);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: { cookie, 'x-csrf-token': csrf.replace(/.$/, (c) => (c === '0' ? '1' : '0')) },
      payload,
    });
    assert.equal(wrong.statusCode, 401);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: { cookie, 'x-csrf-token': csrf },
      payload,
    });
    assert.equal(right.statusCode, 201);
    assert.equal(right.json().user.id, user.id);
  });

  it('needs no CSRF header for a Bearer-authenticated write', async () => {
    const user = await createUser(t.db);
    const as = apiAs(t.app, user.id);
    const response = await as('POST', '/api/posts', { image_url: '/media/seed/y.svg' });
    assert.equal(response.statusCode, 201);
  });
});
