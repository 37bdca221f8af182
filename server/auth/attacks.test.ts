// Attacks on authentication: each must be refused with 401 (or 429).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { bearer, createPost, createUser, loginCookies } from '../../test/fixtures';
import { buildTestApp, useTestApp, TEST_JWT_SECRET, testDialect } from '../../test/helpers';
import { flaskClaims, flaskToken, signJwt } from '../../test/jwt';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(`attacks on access tokens (${testDialect})`, () => {
  const t = useTestApp();
  let userId: number;
  before(async () => {
    userId = (await createUser(t.db)).id;
  });

  const withToken = (token: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/profile',
      headers: { authorization: `Bearer ${token}` },
    });
  async function assertRefused(token: string, label: string) {
    const response = await withToken(token);
    assert.equal(response.statusCode, 401, label);
    assert.equal(response.headers['www-authenticate'], 'Bearer', label);
    assert.equal(typeof response.json().message, 'string', label);
  }

  it('accepts the well-formed control token (so the refusals below are meaningful)', async () => {
    assert.equal(
      (await withToken(flaskToken(TEST_JWT_SECRET, 'access', String(userId)))).statusCode,
      200,
    );
  });

  it('refuses alg: none', async () => {
    const claims = flaskClaims('access', String(userId));
    await assertRefused(
      `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`,
      'none, empty signature',
    );
    await assertRefused(
      `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}`,
      'none, two parts',
    );
  });

  it('refuses HS512 and RS256 headers even when signed with the secret', async () => {
    const claims = flaskClaims('access', String(userId));
    await assertRefused(
      signJwt({ alg: 'HS512', typ: 'JWT' }, claims, TEST_JWT_SECRET, 'sha512'),
      'HS512',
    );
    // Algorithm confusion: RS256 header, HMAC'd with the secret as if it were a public key.
    await assertRefused(signJwt({ alg: 'RS256', typ: 'JWT' }, claims, TEST_JWT_SECRET), 'RS256');
  });

  it('refuses a wrong secret and a tampered payload', async () => {
    await assertRefused(
      flaskToken('another-secret-of-sufficient-length-0123456789', 'access', String(userId)),
      'wrong secret',
    );
    const [header, , signature] = flaskToken(TEST_JWT_SECRET, 'access', '999999').split('.');
    await assertRefused(
      `${header}.${encode(flaskClaims('access', String(userId)))}.${signature}`,
      'tampered',
    );
  });

  it('refuses expired, not-yet-valid, future-issued and expiry-less tokens', async () => {
    const now = Math.floor(Date.now() / 1000);
    await assertRefused(
      flaskToken(TEST_JWT_SECRET, 'access', String(userId), {
        iat: now - 3600,
        nbf: now - 3600,
        exp: now - 60,
      }),
      'expired',
    );
    await assertRefused(
      flaskToken(TEST_JWT_SECRET, 'access', String(userId), { nbf: now + 3600 }),
      'nbf in the future',
    );
    await assertRefused(
      flaskToken(TEST_JWT_SECRET, 'access', String(userId), { iat: now + 3600, nbf: now }),
      'iat in the future',
    );
    await assertRefused(
      flaskToken(TEST_JWT_SECRET, 'access', String(userId), { exp: undefined }),
      'no exp',
    );
  });

  it('refuses a refresh token used as an access token', async () => {
    await assertRefused(t.app.tokens.sign('refresh', userId).token, 'refresh as access');
    await assertRefused(
      flaskToken(TEST_JWT_SECRET, 'refresh', String(userId)),
      'flask refresh as access',
    );
  });

  it('refuses an access token used as a refresh token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/token/refresh',
      payload: { refresh_token: t.app.tokens.sign('access', userId).token },
    });
    assert.equal(response.statusCode, 401);
  });

  it('ignores a token in the query string', async () => {
    const token = t.app.tokens.sign('access', userId).token;
    for (const name of ['jwt', 'token', 'access_token', 'access_token_cookie']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/profile?${name}=${token}` });
      assert.equal(response.statusCode, 401, name);
    }
  });

  it('refuses malformed Authorization headers', async () => {
    const token = t.app.tokens.sign('access', userId).token;
    for (const header of [
      `Basic ${token}`,
      `bearer${token}`,
      'Bearer',
      'Bearer ',
      `Bearer ${token} extra`,
      `Token ${token}`,
      `Bearer "${token}"`,
      `Bearer ${token}${token}`,
    ]) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/profile',
        headers: { authorization: header },
      });
      assert.equal(response.statusCode, 401, header);
    }
  });

  it('refuses a huge token quickly and without a 500', async () => {
    const huge = `${encode({ alg: 'HS256', typ: 'JWT' })}.${'A'.repeat(100_000)}.sig`;
    await assertRefused(huge, 'huge header token');
    const cookie = await t.app.inject({
      method: 'GET',
      url: '/api/profile',
      headers: { cookie: `access_token_cookie=${huge}` },
    });
    assert.equal(cookie.statusCode, 401);
  });

  it('refuses the tokens of a deleted user and of a disabled user', async () => {
    const deleted = await createUser(t.db);
    const deletedToken = bearer(t.app, deleted.id);
    await t.db.kysely.deleteFrom('users').where('id', '=', deleted.id).execute();
    const disabled = await createUser(t.db, { is_disabled: 1 });
    for (const headers of [deletedToken, bearer(t.app, disabled.id)]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/profile', headers });
      assert.equal(response.statusCode, 401);
    }
  });
});

describe(`cookie-authenticated writes without CSRF (${testDialect})`, () => {
  const t = useTestApp();

  it('refuses POST, PATCH and DELETE without, or with a wrong, X-CSRF-TOKEN and changes nothing', async () => {
    const user = await createUser(t.db);
    const post = await createPost(t.db, user.id, { caption: 'unchanged' });
    const { cookie } = loginCookies(t.app, user.id);
    const other = loginCookies(t.app, user.id);
    const requests = [
      { method: 'POST', url: '/api/posts', payload: { image_url: '/media/seed/x.svg' } },
      { method: 'PATCH', url: `/api/posts/${post.id}`, payload: { caption: 'changed' } },
      { method: 'DELETE', url: `/api/posts/${post.id}` },
    ] as const;
    for (const csrfHeader of [{}, { 'x-csrf-token': other.csrf }, { 'x-csrf-token': '' }]) {
      for (const request of requests) {
        const response = await t.app.inject({ ...request, headers: { cookie, ...csrfHeader } });
        assert.equal(response.statusCode, 401, `${request.method} ${JSON.stringify(csrfHeader)}`);
      }
    }
    const row = await t.db.kysely
      .selectFrom('posts')
      .select('caption')
      .where('id', '=', post.id)
      .executeTakeFirst();
    assert.equal(row?.caption, 'unchanged');
  });
});

describe(`brute force (${testDialect})`, () => {
  it('answers 429 with Retry-After after 10 failures for one username within 15 minutes', async () => {
    const t = await buildTestApp();
    try {
      const user = await createUser(t.db);
      for (let i = 0; i < 10; i++) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/token',
          payload: { username: user.username, password: `guess ${i}` },
        });
        assert.equal(response.statusCode, 401, `attempt ${i + 1}`);
      }
      const blocked = await t.app.inject({
        method: 'POST',
        url: '/api/token',
        payload: { username: user.username.toUpperCase(), password: 'x' },
      });
      assert.equal(blocked.statusCode, 429);
      const retryAfter = Number(blocked.headers['retry-after']);
      assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, String(retryAfter));
      assert.match(
        blocked.json().message,
        /^Too many failed login attempts\. Try again in \d+ minutes?\.$/,
      );
    } finally {
      await t.close();
    }
  });

  it('blocks one client address trying many usernames, and only that address', async () => {
    const t = await buildTestApp({ env: { LOGIN_LIMIT_ADDRESS: '3' } });
    try {
      const attempt = (username: string, ip: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/token',
          payload: { username, password: 'x' },
          remoteAddress: ip,
        });
      for (const name of ['a1', 'a2', 'a3'])
        assert.equal((await attempt(name, '203.0.113.7')).statusCode, 401);
      assert.equal((await attempt('a4', '203.0.113.7')).statusCode, 429);
      assert.equal((await attempt('a4', '198.51.100.9')).statusCode, 401);
    } finally {
      await t.close();
    }
  });
});
