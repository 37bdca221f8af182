// Paths the router cannot decode, against the production app (issue 11; API.md §1,
// §4, §6): found by the malformed-URL browser spec, where Fastify's own answer was raw
// JSON with framework fields instead of a page.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createUser, loginCookies } from '../../../test/fixtures';
import { testDialect, useTestApp } from '../../../test/helpers';
import { clientDistDir } from '../client-build';

const built = existsSync(path.join(clientDistDir, 'index.html'));

describe(`malformed paths (${testDialect})`, () => {
  const t = useTestApp();

  for (const [url, location] of [
    ['/%', '/%25'],
    ['/posts/%', '/posts/%25'],
    ['/posts/%ZZ?x=1', '/posts/%25ZZ?x=1'],
    ['/users/%E0%A4%A', '/users/%25E0%25A4%25A'],
    ['/settings/%/x', '/settings/%25/x'],
  ] as const) {
    it(`GET ${url}: 302 to ${location}, then /login or the not-found screen`, async () => {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 302);
      assert.equal(response.headers.location, location);
      const anonymous = await t.app.inject({ method: 'GET', url: location });
      assert.equal(anonymous.statusCode, 302);
      assert.equal(anonymous.headers.location, '/login');
      const { cookie } = loginCookies(t.app, (await createUser(t.db)).id);
      const page = await t.app.inject({ method: 'GET', url: location, headers: { cookie } });
      // /users/<name> is the client's route for any name (the client asks the API).
      const expected = location.startsWith('/users/') ? 200 : 404;
      assert.equal(page.statusCode, built ? expected : 503, page.body.slice(0, 200));
      assert.match(String(page.headers['content-type']), /^text\/html/);
    });
  }

  for (const [method, url, status] of [
    ['GET', '/api/posts/%', 400],
    ['GET', '/api/users/%E0%A4%A', 400],
    ['DELETE', '/api/likes/%ZZ', 400],
    ['POST', '/posts/%', 400],
    ['DELETE', `/api/posts/${'1'.repeat(150)}`, 414],
  ] as const) {
    it(`${method} ${url.slice(0, 40)}: ${status} with {message} only`, async () => {
      const response = await t.app.inject({ method, url });
      assert.equal(response.statusCode, status);
      assert.match(String(response.headers['content-type']), /^application\/json/);
      assert.deepEqual(Object.keys(response.json()), ['message']);
      assert.equal(response.headers['cache-control'], 'no-store');
    });
  }
});
