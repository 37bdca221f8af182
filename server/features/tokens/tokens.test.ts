import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser, loginCookies } from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';
import { decodeJwt } from '../../../test/jwt';
import { WRONG_CREDENTIALS } from '../../auth/credentials';
import { createTokenService } from '../../auth/tokens';

// werkzeug-format hashes of "password", made with python3 hashlib (see passwords.test.ts).
const SCRYPT_PASSWORD =
  'scrypt:131072:8:1$Zq3RkT8wPb2Ld5Xy$be8c9cd3e434e6380abf8467e9941c2c4d58bbb4a0886cfc7fa84c274e0be9665dc44c2dda067f2269b2096f6ab0eae85b92a77c2fa305a7ddce076632085005';
const PBKDF2_PASSWORD =
  'pbkdf2:sha256:600000$sPrFuKqxv1eG9WnD$f15f3831169ffaa4fbe2289fd7c9f8e4887d366cc2f78432eb32b18ea5e8040d';

describe(`POST /api/token (${testDialect})`, () => {
  // At full strength (N=2^17, as in production), unlike the other tests' N=2^12.
  const t = useTestApp({ env: { PASSWORD_HASH_COST: '17' } });

  const token = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/token', payload: payload as object });

  it('answers 200 with an access and a refresh token, not cached, and sets only the device cookie', async () => {
    const user = await createUser(t.db, { password_hash: SCRYPT_PASSWORD });
    const response = await token({ username: user.username, password: 'password' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(Object.keys(response.json()).sort(), ['access_token', 'refresh_token']);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.deepEqual(
      response.cookies.map((c) => [c.name, c.httpOnly]),
      [['login_device', true]],
    );
    const access = response.json().access_token as string;
    const profile = await t.app.inject({
      method: 'GET',
      url: '/api/profile',
      headers: { authorization: `Bearer ${access}` },
    });
    assert.equal(profile.json().id, user.id);
  });

  it('answers 401 with one message for a wrong password, an unknown user and a disabled user', async () => {
    const user = await createUser(t.db, { password_hash: SCRYPT_PASSWORD });
    const disabled = await createUser(t.db, { password_hash: SCRYPT_PASSWORD, is_disabled: 1 });
    const answers = await Promise.all([
      token({ username: user.username, password: 'wrong' }),
      token({ username: `nobody_${user.username}`, password: 'password' }),
      token({ username: disabled.username, password: 'password' }),
    ]);
    for (const response of answers) {
      assert.equal(response.statusCode, 401);
      assert.deepEqual(response.json(), { message: WRONG_CREDENTIALS });
      assert.equal(response.headers['www-authenticate'], 'Bearer');
    }
  });

  it('answers 400 when the body is not an object with a username and a password string', async () => {
    for (const payload of [
      {},
      { username: 'a' },
      { password: 'b' },
      { username: 1, password: 'b' },
      { username: 'a', password: null },
      ['a', 'b'],
    ]) {
      const response = await token(payload);
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.equal(typeof response.json().message, 'string');
    }
    const missing = await t.app.inject({ method: 'POST', url: '/api/token' });
    assert.equal(missing.statusCode, 400);
  });

  it('replaces a weaker stored hash on a successful login and never writes password_plaintext', async () => {
    const user = await createUser(t.db, {
      password_hash: PBKDF2_PASSWORD,
      password_plaintext: null,
    });
    const response = await token({ username: user.username, password: 'password' });
    assert.equal(response.statusCode, 200);
    const row = await t.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^scrypt:131072:8:1\$[A-Za-z0-9]{16}\$[0-9a-f]{128}$/);
    assert.equal(row.password_plaintext, null);
  });
});

describe(`POST /api/token/refresh (${testDialect})`, () => {
  const t = useTestApp();

  const refresh = (payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/token/refresh', payload, headers });

  it('answers a new access token and the same refresh token, which keeps working', async () => {
    const user = await createUser(t.db);
    const first = t.app.tokens.sign('refresh', user.id).token;
    for (let i = 0; i < 3; i++) {
      const response = await refresh({ refresh_token: first });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.equal(response.json().refresh_token, first);
      assert.equal(decodeJwt(response.json().access_token).claims.type, 'access');
    }
  });

  it('refuses form-encoded and other non-JSON bodies with 415', async () => {
    const user = await createUser(t.db);
    const first = t.app.tokens.sign('refresh', user.id).token;
    for (const url of ['/api/token/refresh', '/api/token']) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `refresh_token=${first}&username=a&password=b`,
      });
      assert.equal(response.statusCode, 415, url);
    }
  });

  it('answers 400 when no refresh token is sent and 400 when it is not a token', async () => {
    const missing = await refresh({});
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json().message, /refresh_token/);
    assert.equal((await refresh()).statusCode, 400);
    assert.equal((await refresh({ refresh_token: 'not a token' })).statusCode, 400);
    assert.equal((await refresh({ refresh_token: 42 })).statusCode, 400);
  });

  it('answers 401 for an access token, an expired token and a token of a deleted user', async () => {
    const user = await createUser(t.db);
    const gone = await createUser(t.db);
    const goneToken = t.app.tokens.sign('refresh', gone.id).token;
    await t.db.kysely.deleteFrom('users').where('id', '=', gone.id).execute();
    // Same secret, issued two hours ago with a one-hour lifetime.
    const past = createTokenService({
      secret: t.config.jwtSecret,
      accessTtlSeconds: 3600,
      refreshTtlSeconds: 3600,
      now: () => Date.now() - 7_200_000,
    });
    for (const token of [
      t.app.tokens.sign('access', user.id).token,
      past.sign('refresh', user.id).token,
      goneToken,
    ]) {
      const response = await refresh({ refresh_token: token });
      assert.equal(response.statusCode, 401);
      assert.equal(typeof response.json().message, 'string');
    }
  });

  it('accepts the refresh cookie with X-CSRF-TOKEN equal to csrf_refresh_token, sets new access cookies and keeps the refresh token out of the body', async () => {
    const user = await createUser(t.db);
    const { cookie, refreshCsrf } = loginCookies(t.app, user.id);
    const response = await refresh(undefined, { cookie, 'x-csrf-token': refreshCsrf });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(Object.keys(response.json()), ['access_token']);
    const names = response.cookies.map((c) => c.name).sort();
    assert.deepEqual(names, ['access_token_cookie', 'csrf_access_token']);
    const access = response.cookies.find((c) => c.name === 'access_token_cookie');
    assert.equal(access?.value, response.json().access_token);
    assert.equal(access?.httpOnly, true);
  });

  it('refuses the refresh cookie without, or with a wrong, X-CSRF-TOKEN, and does not use the token up', async () => {
    const user = await createUser(t.db);
    const { cookie, refreshCsrf, csrf } = loginCookies(t.app, user.id);
    assert.equal((await refresh(undefined, { cookie })).statusCode, 401);
    assert.equal((await refresh(undefined, { cookie, 'x-csrf-token': csrf })).statusCode, 401);
    assert.equal(
      (await refresh(undefined, { cookie, 'x-csrf-token': refreshCsrf })).statusCode,
      200,
    );
  });
});
