// Wire compatibility with flask-jwt-extended 4.x (API.md §5): its tokens work here,
// ours have exactly its header and claim set.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser, profileWith, refreshWith } from '../../test/fixtures';
import { buildTestApp, useTestApp, TEST_JWT_SECRET, testDialect } from '../../test/helpers';
import { decodeJwt, flaskToken } from '../../test/jwt';
import { hashPassword } from './passwords';

describe(`flask-jwt-extended tokens (${testDialect})`, () => {
  const t = useTestApp();

  /** The two `sub` claims Flask deployments wrote: the user id as a string, or (older) as a number. */
  const accessTokenSubs = [
    {
      name: 'a flask-jwt-extended access token with a string sub',
      sub: (id: number): string | number => String(id),
    },
    {
      name: 'an access token from an older Flask deployment with an integer sub',
      sub: (id: number): string | number => id,
    },
  ];
  for (const { name, sub } of accessTokenSubs) {
    it(`accepts ${name}`, async () => {
      const user = await createUser(t.db);
      const response = await profileWith(
        t.app,
        flaskToken(TEST_JWT_SECRET, 'access', sub(user.id)),
      );
      assert.equal(response.statusCode, 200);
      assert.deepEqual([response.json().id, response.json().username], [user.id, user.username]);
    });
  }

  it('accepts a flask-jwt-extended refresh token (no session claim) any number of times, as Flask does', async () => {
    const user = await createUser(t.db);
    const refresh = flaskToken(TEST_JWT_SECRET, 'refresh', user.id);
    for (let i = 0; i < 3; i++) {
      const answer = await refreshWith(t.app, refresh);
      assert.equal(answer.statusCode, 200);
      assert.equal(decodeJwt(answer.json().access_token).claims.sub, String(user.id));
      assert.equal(decodeJwt(answer.json().access_token).claims.sid, undefined);
    }
  });

  /** The claims flask-jwt-extended 4.x writes into every token, sorted. */
  const FLASK_CLAIMS = ['csrf', 'exp', 'fresh', 'iat', 'jti', 'nbf', 'sub', 'type'];
  /** A new user with a password, logged in through POST /api/token. */
  const logInFresh = async () => {
    const user = await createUser(t.db, { password_hash: await hashPassword('secret words') });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/token',
      payload: { username: user.username, password: 'secret words' },
    });
    return { user, response };
  };

  it('mints access tokens with exactly the flask-jwt-extended header and claims', async () => {
    const { user, response } = await logInFresh();
    assert.equal(response.statusCode, 200);
    const { header, claims } = decodeJwt(response.json().access_token);
    assert.deepEqual(header, { alg: 'HS256', typ: 'JWT' });
    // flask-jwt-extended ignores claims it does not know, so `sid` does not disturb it.
    assert.deepEqual(Object.keys(claims).sort(), [...FLASK_CLAIMS, 'sid'].sort());
    assert.equal(claims.type, 'access');
    assert.equal(claims.sub, String(user.id));
    assert.equal(claims.fresh, true);
    assert.equal(claims.nbf, claims.iat);
    assert.equal((claims.exp as number) - (claims.iat as number), 15 * 60);
    assert.match(
      claims.jti as string,
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.match(
      claims.csrf as string,
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('mints refresh tokens with the flask claims plus only the session id, lasting 30 days', async () => {
    const { response } = await logInFresh();
    const { header, claims } = decodeJwt(response.json().refresh_token);
    assert.deepEqual(header, { alg: 'HS256', typ: 'JWT' });
    assert.deepEqual(Object.keys(claims).sort(), [...FLASK_CLAIMS, 'sid'].sort());
    assert.equal(claims.type, 'refresh');
    assert.equal(claims.fresh, false);
    assert.equal((claims.exp as number) - (claims.iat as number), 30 * 86_400);
  });

  it('follows JWT_ACCESS_TOKEN_EXPIRES and JWT_REFRESH_TOKEN_EXPIRES', async () => {
    const custom = await buildTestApp({
      env: { JWT_ACCESS_TOKEN_EXPIRES: '60', JWT_REFRESH_TOKEN_EXPIRES: '3600' },
    });
    try {
      const user = await createUser(custom.db, { password_hash: await hashPassword('pw') });
      const response = await custom.app.inject({
        method: 'POST',
        url: '/api/token',
        payload: { username: user.username, password: 'pw' },
      });
      const access = decodeJwt(response.json().access_token).claims;
      const refresh = decodeJwt(response.json().refresh_token).claims;
      assert.equal((access.exp as number) - (access.iat as number), 60);
      assert.equal((refresh.exp as number) - (refresh.iat as number), 3600);
    } finally {
      await custom.close();
    }
  });
});
