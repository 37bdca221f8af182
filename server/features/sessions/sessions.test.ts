import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { createUser, profileWith, refreshWith } from '../../../test/fixtures';
import { testDialect, useTestApp } from '../../../test/helpers';
import { decodeJwt, signJwt } from '../../../test/jwt';
import { apiLogin, browserLogin, PASSWORD_HASH } from '../../../test/sessions';
import { fromDbTime, toDbTime } from '../../db/portable';

const HEADER = { alg: 'HS256', typ: 'JWT' };

describe(`sessions (${testDialect})`, () => {
  const t = useTestApp();
  const newUser = () => createUser(t.db, { password_hash: PASSWORD_HASH });
  const refresh = (refreshToken: string) => refreshWith(t.app, refreshToken);
  const profile = (accessToken: string) => profileWith(t.app, accessToken);
  /** A new user logged in through the /login form, with the browser's cookies. */
  const newBrowser = async () => {
    const user = await newUser();
    return { user, browser: await browserLogin(t.app, user.username) };
  };
  /** A page load (GET) with these cookies and any other request headers. */
  const load = (url: string, cookie: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { cookie, ...headers } });

  it('accepts one refresh token 5 times in a row and 20 times in parallel', async () => {
    const user = await newUser();
    const { refresh_token } = (await apiLogin(t.app, user.username)).json();
    assert.ok(decodeJwt(refresh_token).claims.sid);
    for (let i = 0; i < 5; i++) assert.equal((await refresh(refresh_token)).statusCode, 200);
    const parallel = await Promise.all(Array.from({ length: 20 }, () => refresh(refresh_token)));
    assert.deepEqual(
      parallel.map((r) => r.statusCode),
      Array(20).fill(200),
    );
    for (const answer of parallel) {
      assert.equal((await profile(answer.json().access_token)).statusCode, 200);
    }
  });

  it('serves a course-handout client that keeps its first refresh token', async () => {
    const user = await newUser();
    const first = (await apiLogin(t.app, user.username)).json().refresh_token as string;
    for (let i = 0; i < 3; i++) {
      const answer = await refresh(first);
      assert.equal(answer.statusCode, 200);
      // The handout reads only access_token; it must work.
      assert.equal((await profile(answer.json().access_token)).statusCode, 200);
    }
  });

  it('ends the session on logout: its access and refresh tokens are refused at once', async () => {
    const { browser } = await newBrowser();
    const access = browser.value('access_token_cookie');
    const refreshToken = browser.value('refresh_token_cookie');
    assert.equal((await profile(access)).statusCode, 200);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `csrf_token=${browser.csrf}`,
    });
    assert.equal(logout.statusCode, 302);
    assert.equal(logout.headers.location, '/login');
    assert.equal((await profile(access)).statusCode, 401);
    assert.equal((await refresh(refreshToken)).statusCode, 401);
  });

  it('renews an expired access cookie from the refresh cookie on a page load', async () => {
    const { user, browser } = await newBrowser();
    const onlyRefresh = `refresh_token_cookie=${browser.value('refresh_token_cookie')}`;
    for (const url of ['/', '/api']) {
      const page = await load(url, onlyRefresh);
      assert.equal(page.statusCode, 200, url);
      const renewed = page.cookies.find((c) => c.name === 'access_token_cookie');
      assert.ok(renewed?.value, url);
      assert.equal(
        decodeJwt(renewed.value).claims.sid,
        decodeJwt(browser.value('access_token_cookie')).claims.sid,
      );
      assert.ok(page.cookies.find((c) => c.name === 'csrf_access_token')?.value);
    }
    // An expired access cookie is renewed the same way.
    const now = Math.floor(Date.now() / 1000);
    const expired = signJwt(
      HEADER,
      {
        ...decodeJwt(browser.value('access_token_cookie')).claims,
        iat: now - 3600,
        nbf: now - 3600,
        exp: now - 60,
      },
      t.config.jwtSecret,
    );
    const page = await load('/', `access_token_cookie=${expired}; ${onlyRefresh}`);
    assert.equal(page.statusCode, 200);
    // A refresh cookie of an ended session renews nothing.
    await t.db.kysely.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    const after = await load('/', onlyRefresh);
    assert.equal(after.statusCode, 302);
    assert.equal(after.headers.location, '/login');
  });

  it('asks before logging out when GET /logout comes from another site, and ends nothing', async () => {
    const { browser } = await newBrowser();
    const crossSite = await load('/logout', browser.cookie, { 'sec-fetch-site': 'cross-site' });
    assert.equal(crossSite.statusCode, 200);
    assert.match(crossSite.body, /Log out\?/);
    assert.match(crossSite.body, /<form method="post" action="\/logout"/);
    assert.deepEqual(crossSite.cookies, []);
    assert.equal((await profile(browser.value('access_token_cookie'))).statusCode, 200);
    // A POST without the CSRF value ends nothing either.
    const forged = await t.app.inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'csrf_token=wrong',
    });
    assert.equal(forged.statusCode, 302);
    assert.equal((await profile(browser.value('access_token_cookie'))).statusCode, 200);
    // From this site, GET /logout ends the session.
    const sameSite = await load('/logout', browser.cookie, { 'sec-fetch-site': 'same-origin' });
    assert.equal(sameSite.statusCode, 302);
    assert.equal((await profile(browser.value('access_token_cookie'))).statusCode, 401);
  });

  it('sends GET /login with a live session to /', async () => {
    const { browser } = await newBrowser();
    const login = await load('/login', browser.cookie);
    assert.equal(login.statusCode, 302);
    assert.equal(login.headers.location, '/');
    const anonymous = await t.app.inject({ method: 'GET', url: '/login' });
    assert.equal(anonymous.statusCode, 200);
  });

  it('lists the sessions newest first and ends one, or all the others', async () => {
    const user = await newUser();
    const other = await newUser();
    const first = (await apiLogin(t.app, user.username)).json();
    const second = (await apiLogin(t.app, user.username)).json();
    const third = (await apiLogin(t.app, user.username)).json();
    const foreign = (await apiLogin(t.app, other.username)).json();
    const as = (token: string, method: 'GET' | 'DELETE', url: string) =>
      t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, 'user-agent': 'x' },
      });
    const list = await as(third.access_token, 'GET', '/api/sessions');
    assert.equal(list.statusCode, 200);
    assert.equal(list.headers['cache-control'], 'no-store');
    const sessions = list.json() as Array<{ id: string; current: boolean }>;
    const sid = (token: string) => decodeJwt(token).claims.sid;
    assert.deepEqual(
      sessions.map((s) => s.id).sort(),
      [sid(first.access_token), sid(second.access_token), sid(third.access_token)].sort(),
    );
    assert.deepEqual(
      sessions.filter((s) => s.current).map((s) => s.id),
      [sid(third.access_token)],
    );
    assert.deepEqual(Object.keys(sessions[0] ?? {}).sort(), [
      'created',
      'current',
      'id',
      'last_used',
      'user_agent',
    ]);
    // Another user's session is not yours: 404, and it lives on.
    const foreignId = String(sid(foreign.access_token));
    assert.equal(
      (await as(third.access_token, 'DELETE', `/api/sessions/${foreignId}`)).statusCode,
      404,
    );
    assert.equal((await profile(foreign.access_token)).statusCode, 200);
    // A malformed id names no session: the route's params check answers like absent.
    const malformed = await as(third.access_token, 'DELETE', '/api/sessions/not-an-id');
    assert.equal(malformed.statusCode, 404);
    assert.equal(typeof malformed.json().message, 'string');
    // End the first one.
    const ended = await as(
      third.access_token,
      'DELETE',
      `/api/sessions/${String(sid(first.access_token))}`,
    );
    assert.equal(ended.statusCode, 200);
    assert.equal((await profile(first.access_token)).statusCode, 401);
    assert.equal((await refresh(first.refresh_token)).statusCode, 401);
    // End every other: the second dies, the current one stays.
    assert.equal((await as(third.access_token, 'DELETE', '/api/sessions')).statusCode, 200);
    assert.equal((await profile(second.access_token)).statusCode, 401);
    assert.equal((await profile(third.access_token)).statusCode, 200);
    assert.equal((await refresh(third.refresh_token)).statusCode, 200);
  });

  it('ends the sessions of a user who is disabled', async () => {
    const user = await newUser();
    const { refresh_token } = (await apiLogin(t.app, user.username)).json();
    await t.db.kysely
      .updateTable('users')
      .set({ is_disabled: 1 })
      .where('id', '=', user.id)
      .execute();
    assert.equal((await refresh(refresh_token)).statusCode, 401);
  });

  it('refuses tokens whose iat, nbf or exp is not a number', async () => {
    const user = await newUser();
    const now = Math.floor(Date.now() / 1000);
    const claims = decodeJwt(t.app.tokens.sign('access', user.id).token).claims;
    for (const bad of [{ iat: String(now) }, { nbf: String(now) }, { exp: String(now + 600) }]) {
      const token = signJwt(HEADER, { ...claims, ...bad }, t.config.jwtSecret);
      assert.equal((await profile(token)).statusCode, 401, JSON.stringify(bad));
    }
  });

  it('sends Cache-Control: no-store with every /api answer but the OpenAPI document', async () => {
    const user = await newUser();
    const access = (await apiLogin(t.app, user.username)).json().access_token as string;
    assert.equal((await profile(access)).headers['cache-control'], 'no-store');
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(missing.headers['cache-control'], 'no-store');
    const unauthorized = await t.app.inject({ method: 'GET', url: '/api/profile' });
    assert.equal(unauthorized.headers['cache-control'], 'no-store');
    const openapi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.notEqual(openapi.headers['cache-control'], 'no-store');
  });
});

describe(`a session's last_used (${testDialect})`, () => {
  const statements: string[] = [];
  const t = useTestApp({ onQuery: (sql) => statements.push(sql) });

  it('moves on an authenticated use, at most once a minute', async () => {
    const user = await createUser(t.db, { password_hash: PASSWORD_HASH });
    // A session this process has not seen yet (made by another worker, or before a restart).
    const id = randomUUID();
    const tenMinutesAgo = toDbTime(new Date(Date.now() - 10 * 60_000));
    await t.db.kysely
      .insertInto('sessions')
      .values({
        id,
        user_id: user.id,
        created_at: tenMinutesAgo,
        last_used_at: tenMinutesAgo,
        user_agent: null,
      })
      .execute();
    const lastUsed = async () =>
      fromDbTime(
        (
          await t.db.kysely
            .selectFrom('sessions')
            .select('last_used_at')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).last_used_at,
      ).getTime();
    const access = t.app.tokens.sign('access', user.id, { sessionId: id }).token;
    const use = () =>
      t.app.inject({
        method: 'GET',
        url: '/api/profile',
        headers: { authorization: `Bearer ${access}` },
      });

    const before = Date.now();
    assert.equal((await use()).statusCode, 200);
    assert.ok((await lastUsed()) >= before - 1000, 'moved to now');

    // Within the minute, other uses (in parallel too) run no statement for it.
    const moved = await lastUsed();
    statements.length = 0;
    const uses = await Promise.all(Array.from({ length: 5 }, use));
    for (const response of uses) assert.equal(response.statusCode, 200);
    assert.deepEqual(
      statements.filter((sql) => /update\s+"?sessions"?/i.test(sql)),
      [],
      'no UPDATE of sessions within the minute',
    );
    assert.equal(await lastUsed(), moved);

    // Read from the database, not remembered by this process: a last use a minute old
    // or more (as another worker may have left it) is moved by the next request.
    await t.db.kysely
      .updateTable('sessions')
      .set({ last_used_at: tenMinutesAgo })
      .where('id', '=', id)
      .execute();
    const later = Date.now();
    assert.equal((await use()).statusCode, 200);
    assert.ok((await lastUsed()) >= later - 1000, 'moved again');
  });
});
