import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser, loginCookies, refreshWith } from '../../../test/fixtures';
import { postForm, SESSION_COOKIES } from '../../../test/forms';
import { useTestApp, testDialect } from '../../../test/helpers';
import { browserLogin, cookieHeaderOf, PASSWORD_HASH } from '../../../test/sessions';

// werkzeug scrypt hash of "password", made with python3 hashlib (see passwords.test.ts).
const SCRYPT_PASSWORD =
  'scrypt:131072:8:1$Zq3RkT8wPb2Ld5Xy$be8c9cd3e434e6380abf8467e9941c2c4d58bbb4a0886cfc7fa84c274e0be9665dc44c2dda067f2269b2096f6ab0eae85b92a77c2fa305a7ddce076632085005';

describe(`GET /login (${testDialect})`, () => {
  const t = useTestApp();

  it('answers an accessible form that posts to /login without JavaScript', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/login' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    const html = response.body;
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<form method="post" action="\/login"/);
    assert.match(html, /<label for="username">Username<\/label>/);
    assert.match(
      html,
      /<input id="username" name="username" type="text"[^>]*autocomplete="username"/,
    );
    assert.match(html, /<label for="password">Password<\/label>/);
    assert.match(
      html,
      /<input id="password" name="password" type="password"[^>]*autocomplete="current-password"/,
    );
    assert.match(html, /role="alert"/);
    assert.doesNotMatch(html, /<script|style="|<style/);
  });

  it('serves its stylesheet, which has a visible focus style', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/login/login.css' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/css/);
    assert.match(response.body, /:focus-visible\s*\{[^}]*outline: 3px solid/);
  });
});

describe(`POST /login (${testDialect})`, () => {
  const t = useTestApp({ env: { LOGIN_LIMIT_USER_ADDRESS: '3' } });

  const login = (
    fields: Record<string, string>,
    headers: Record<string, string> = {},
    remoteAddress = '127.0.0.1',
  ) => postForm(t.app, '/login', fields, { headers, remoteAddress });

  it('sets the four cookies as API.md §5 says and redirects to /', async () => {
    const user = await createUser(t.db, { password_hash: SCRYPT_PASSWORD });
    const response = await login({ username: user.username, password: 'password' });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/');
    assert.equal(response.headers['cache-control'], 'no-store');
    const sessionCookies = response.cookies.filter((c) => c.name !== 'login_device');
    assert.deepEqual(sessionCookies.map((c) => c.name).sort(), SESSION_COOKIES);
    // The device cookie (API.md §5): HttpOnly, so page scripts cannot copy it.
    assert.equal(response.cookies.find((c) => c.name === 'login_device')?.httpOnly, true);
    for (const cookie of sessionCookies) {
      assert.equal(cookie.path, '/', cookie.name);
      assert.equal(cookie.sameSite, 'Lax', cookie.name);
      assert.equal(cookie.secure, undefined, cookie.name);
      assert.equal(
        cookie.httpOnly,
        cookie.name.endsWith('_cookie') ? true : undefined,
        cookie.name,
      );
    }
    const lifetime = Object.fromEntries(response.cookies.map((c) => [c.name, c.maxAge]));
    assert.equal(lifetime.access_token_cookie, 15 * 60);
    assert.equal(lifetime.refresh_token_cookie, 30 * 86_400);
    const cookie = cookieHeaderOf(response);
    const home = await t.app.inject({ method: 'GET', url: '/api/profile', headers: { cookie } });
    assert.equal(home.json().id, user.id);
  });

  it('answers 200 with the form, one message and the username kept (escaped) when the credentials are wrong', async () => {
    const user = await createUser(t.db, { password_hash: SCRYPT_PASSWORD });
    const wrongPassword = await login({ username: user.username, password: 'nope' });
    const unknown = await login({ username: '"><script>alert(1)</script>', password: 'password' });
    for (const response of [wrongPassword, unknown]) {
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['set-cookie'], undefined);
      assert.match(response.body, /role="alert"[^>]*><p>Incorrect username or password\.<\/p>/);
    }
    assert.match(wrongPassword.body, new RegExp(`value="${user.username}"`));
    assert.doesNotMatch(unknown.body, /<script>alert/);
    assert.match(unknown.body, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  });

  it('asks for both fields when one is missing, without a 500', async () => {
    const response = await login({ username: 'someone' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Enter your username and password\./);
    assert.match(response.body, /value="someone"/);
  });

  it('refuses an over-long username or password in words, keeps it whole and has no maxlength', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/login' });
    assert.doesNotMatch(page.body, /maxlength/i);
    const longName = 'a'.repeat(300);
    const name = await login({ username: longName, password: 'password' });
    assert.equal(name.statusCode, 400);
    assert.equal(name.headers['set-cookie'], undefined);
    assert.match(name.body, /A username is at most 256 characters long; this one has 300\./);
    assert.match(name.body, new RegExp(`value="${longName}"`));
    const password = await login({ username: 'someone', password: 'p'.repeat(2000) });
    assert.equal(password.statusCode, 400);
    assert.match(password.body, /A password is at most 1024 characters long; this one has 2000\./);
    assert.match(password.body, /value="someone"/);
    assert.doesNotMatch(password.body, /p{2000}/);
  });

  it('refuses a cross-site post and allows one from our own origin', async () => {
    const user = await createUser(t.db, { password_hash: SCRYPT_PASSWORD });
    const fields = { username: user.username, password: 'password' };
    const evil = await login(fields, { origin: 'https://evil.example' });
    assert.equal(evil.statusCode, 403);
    assert.equal(evil.headers['set-cookie'], undefined);
    assert.match(evil.body, /another website/);
    const own = await login(fields, { origin: 'http://localhost:80', host: 'localhost:80' });
    assert.equal(own.statusCode, 302);
  });

  it('shows a clear message with 429 and Retry-After after too many failures, even for the right password', async () => {
    const user = await createUser(t.db, { password_hash: SCRYPT_PASSWORD });
    const ip = '192.0.2.44';
    for (const n of [1, 2, 3]) {
      const failed = await login({ username: user.username, password: `bad ${n}` }, {}, ip);
      assert.equal(failed.statusCode, 200);
    }
    const blocked = await login({ username: user.username, password: 'password' }, {}, ip);
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.match(
      blocked.body,
      /role="alert"[^>]*><p>Too many failed login attempts\. Try again in \d+ minutes?\.<\/p>/,
    );
  });
});

describe(`GET /logout and the pages (${testDialect})`, () => {
  const t = useTestApp();

  it('clears the four cookies, ends the session and redirects to /login', async () => {
    const user = await createUser(t.db, { password_hash: PASSWORD_HASH });
    const browser = await browserLogin(t.app, user.username);
    const cookie = browser.cookie.replace(/(^|; )login_device=[^;]*/, '');
    const refreshToken = browser.value('refresh_token_cookie');
    const response = await t.app.inject({ method: 'GET', url: '/logout', headers: { cookie } });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/login');
    assert.deepEqual(response.cookies.map((c) => c.name).sort(), SESSION_COOKIES);
    for (const cleared of response.cookies) assert.equal(cleared.value, '');
    const refresh = await refreshWith(t.app, refreshToken);
    assert.equal(refresh.statusCode, 401);
  });

  it('redirects / and /api to exactly /login on any token failure', async () => {
    const user = await createUser(t.db);
    const disabled = await createUser(t.db, { is_disabled: 1 });
    const failures = [
      {},
      { cookie: 'access_token_cookie=garbage' },
      { cookie: loginCookies(t.app, disabled.id).cookie },
      { authorization: `Bearer ${t.app.tokens.sign('refresh', user.id).token}` },
    ];
    for (const url of ['/', '/api']) {
      for (const headers of failures) {
        const response = await t.app.inject({ method: 'GET', url, headers });
        assert.equal(response.statusCode, 302, `${url} ${JSON.stringify(headers)}`);
        assert.equal(response.headers.location, '/login');
      }
    }
    const ok = await t.app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: loginCookies(t.app, user.id).cookie },
    });
    assert.notEqual(ok.statusCode, 302);
  });
});
