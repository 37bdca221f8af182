import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { createUser } from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';
import { ACCESS_COOKIE } from '../../auth/cookies';
import { clientDistDir, sendClientHtml } from '../client-build';
import { CLIENT_ROUTES } from './client.routes';

// `npm test` runs with a client build (CI builds first) or without one (a fresh
// clone): which answer is right depends on whether dist/client exists, and only
// that answer is accepted.
const built = existsSync(path.join(clientDistDir, 'index.html'));
const concreteRoutes = CLIENT_ROUTES.map((route) => route.replace(':id', '12'));

describe(`the web client pages (${testDialect})`, () => {
  const t = useTestApp();
  let cookie: string;
  before(async () => {
    const user = await createUser(t.db);
    cookie = `${ACCESS_COOKIE}=${t.app.tokens.sign('access', user.id).token}`;
  });

  for (const url of concreteRoutes) {
    it(`redirects ${url} to exactly /login without a token`, async () => {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 302);
      assert.equal(response.headers.location, '/login');
    });

    it(`serves the app's HTML at ${url} to a logged-in user, never cached stale`, async () => {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      assert.equal(response.headers['cache-control'], 'no-cache');
      assert.match(String(response.headers['content-type']), /^text\/html/);
      if (built) {
        assert.equal(response.statusCode, 200);
        assert.match(response.body, /<div id="root"><\/div>/);
      } else {
        assert.equal(response.statusCode, 503);
        assert.match(response.body, /npm run build/);
      }
    });
  }

  it(
    'serves hashed assets without a login, cached for a year as immutable',
    // CI builds the client before the tests, so there a missing build fails this test.
    { skip: !built && process.env.CI !== 'true' && 'no client build: run npm run build' },
    async () => {
      const asset = readdirSync(path.join(clientDistDir, 'assets')).find((file) =>
        file.endsWith('.js'),
      );
      assert.ok(asset, 'the build has a JavaScript asset');
      const response = await t.app.inject({ method: 'GET', url: `/assets/${asset}` });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.match(String(response.headers['content-type']), /javascript/);
    },
  );

  for (const url of ['/this-page-does-not-exist', '/posts/abc', '/posts/053', '/users/a/b/c']) {
    it(`answers ${url} with the client's not-found screen (404), or /login without a token`, async () => {
      const anonymous = await t.app.inject({ method: 'GET', url });
      assert.equal(anonymous.statusCode, 302);
      assert.equal(anonymous.headers.location, '/login');
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.equal(response.statusCode, built ? 404 : 503);
      if (built) assert.match(response.body, /<div id="root"><\/div>/);
    });
  }

  it('keeps JSON 404s for unknown /api paths, with or without a token', async () => {
    for (const headers of [{}, { cookie }]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/nope', headers });
      assert.equal(response.statusCode, 404);
      assert.deepEqual(response.json(), { message: 'No endpoint GET /api/nope.' });
    }
  });

  it('answers 404 for an asset that does not exist', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/assets/missing-0000.js' });
    assert.equal(response.statusCode, 404);
  });
});

describe('sendClientHtml', () => {
  it('answers a 503 page saying to run npm run build when the build is missing', async () => {
    const app = Fastify();
    app.get('/', async (_request, reply) =>
      sendClientHtml(reply, 'index.html', { distDir: '/nonexistent/dist/client' }),
    );
    const response = await app.inject({ method: 'GET', url: '/' });
    await app.close();
    assert.equal(response.statusCode, 503);
    assert.match(response.body, /Run <code>npm run build<\/code>/);
    assert.equal(response.headers['cache-control'], 'no-cache');
  });
});
