import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { ACCESS_COOKIE } from '../../auth/cookies';
import { createUser } from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';
import { clientDistDir } from '../client-build';

// `npm test` runs with a client build (CI builds first) or without one (a fresh
// clone): which answer is right depends on whether the explorer entry exists, and
// only that answer is accepted.
const built = existsSync(path.join(clientDistDir, 'explorer.html'));

describe(`GET /api, the API explorer page (${testDialect})`, () => {
  const t = useTestApp();
  let cookie: string;
  before(async () => {
    const user = await createUser(t.db);
    cookie = `${ACCESS_COOKIE}=${t.app.tokens.sign('access', user.id).token}`;
  });

  for (const url of ['/api', '/api/']) {
    it(`redirects ${url} to exactly /login without a token`, async () => {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 302);
      assert.equal(response.headers.location, '/login');
    });

    it(`serves the explorer at ${url} to a user logged in by cookie`, async () => {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      if (built) {
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^text\/html/);
        assert.match(response.body, /<title>API explorer · Photo App<\/title>/);
      } else {
        assert.equal(response.statusCode, 503);
        assert.match(String(response.headers['content-type']), /^text\/html/);
        assert.match(response.body, /Run <code>npm run build<\/code>/);
      }
      assert.equal(response.headers['cache-control'], 'no-store');
    });
  }

  const getWithAccessCookie = (url: string, token: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: `${ACCESS_COOKIE}=${token}` } });

  it('redirects to /login when the cookie holds a refresh token instead of an access token', async () => {
    const user = await createUser(t.db);
    const refresh = t.app.tokens.sign('refresh', user.id).token;
    const response = await getWithAccessCookie('/api', refresh);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/login');
  });

  it('redirects to /login when the user of the token was deleted', async () => {
    const user = await createUser(t.db);
    const token = t.app.tokens.sign('access', user.id).token;
    await t.db.kysely.deleteFrom('users').where('id', '=', user.id).execute();
    const response = await getWithAccessCookie('/api/', token);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/login');
  });
});
