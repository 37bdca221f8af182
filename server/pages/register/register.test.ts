import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser, freshUsername, signUpBody } from '../../../test/fixtures';
import { postForm, SESSION_COOKIES } from '../../../test/forms';
import { testDialect, useTestApp } from '../../../test/helpers';
import { cookieHeaderOf } from '../../../test/sessions';

describe(`GET /register (${testDialect})`, () => {
  const t = useTestApp();

  it('answers an accessible sign-up form with the look of /login, linked from /login', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/register' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    const html = response.body;
    assert.match(html, /<form method="post" action="\/register"/);
    assert.match(html, /<link rel="stylesheet" href="\/login\/login.css">/);
    for (const [name, label, autocomplete] of [
      ['username', 'Username', 'username'],
      ['first_name', 'First name', 'given-name'],
      ['last_name', 'Last name', 'family-name'],
      ['email', 'Email', 'email'],
      ['password', 'Password', 'new-password'],
    ]) {
      assert.match(html, new RegExp(`<label for="${name}">${label}</label>`));
      assert.match(
        html,
        new RegExp(`<input id="${name}" name="${name}"[^>]*autocomplete="${autocomplete}"`),
      );
    }
    assert.match(html, /<input id="username"[^>]*aria-describedby="username-hint"[^>]*autofocus/);
    assert.match(html, /<input id="password"[^>]*aria-describedby="password-hint"/);
    assert.match(html, /id="password-strength" aria-live="polite" hidden/);
    assert.doesNotMatch(html, /style="|<style|<script(?! type="module" src="\/assets\/)/);
    // API.md §4: no maxlength that would cut a paste (a generated password!) without a word.
    assert.doesNotMatch(html, /maxlength/i);

    const login = await t.app.inject({ method: 'GET', url: '/login' });
    assert.match(login.body, /<a href="\/register">/);
    const css = await t.app.inject({ method: 'GET', url: '/register/register.css' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
  });
});

describe(`POST /register (${testDialect})`, () => {
  const t = useTestApp();
  let address = 0;
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    postForm(t.app, '/register', fields, {
      headers,
      remoteAddress: `10.9.${Math.floor(address / 250)}.${address++ % 250}`,
    });
  const valid = () => signUpBody();
  /** The id of the user whose `column` is `value`, if there is one (a refused form creates none). */
  const userWith = (column: 'email' | 'username', value: string) =>
    t.db.kysely.selectFrom('users').select('id').where(column, '=', value).executeTakeFirst();

  it('creates the account, starts a session like a login, and redirects to the feed', async () => {
    const fields = valid();
    const response = await post(fields);
    assert.equal(response.statusCode, 302, response.body);
    assert.equal(response.headers.location, '/');
    const cookies = response.cookies.map((cookie) => cookie.name);
    for (const name of SESSION_COOKIES) {
      assert.ok(cookies.includes(name), `${name} in ${cookies.join(', ')}`);
    }
    const cookie = cookieHeaderOf(response);
    const profile = await t.app.inject({ method: 'GET', url: '/api/profile', headers: { cookie } });
    assert.equal(profile.json<{ username: string }>().username, fields.username);
    const feed = await t.app.inject({ method: 'GET', url: '/api/posts', headers: { cookie } });
    assert.deepEqual(feed.json(), []);
  });

  it('shows every error at its field, keeps the values except the password, focuses the first', async () => {
    const response = await post({
      ...valid(),
      first_name: 'Grace',
      username: '9lives',
      email: 'not-an-email',
      password: 'password',
    });
    assert.equal(response.statusCode, 400);
    const html = response.body;
    assert.match(html, /<title>Sign up failed · Photo App<\/title>/);
    assert.match(html, /3 fields need your attention/);
    assert.match(
      html,
      /<input id="username"[^>]*value="9lives"[^>]*aria-describedby="username-hint username-error" aria-invalid="true" autofocus>/,
    );
    assert.match(html, /<p class="field-error" id="username-error">Must be 3-30 letters/);
    assert.match(
      html,
      /<input id="email"[^>]*value="not-an-email"[^>]*aria-describedby="email-error" aria-invalid="true">/,
    );
    assert.match(
      html,
      /<p class="field-error" id="password-error">Is one of the most common passwords/,
    );
    assert.match(html, /<input id="password" name="password" type="password" value=""/);
    assert.match(html, /<input id="first_name"[^>]*value="Grace"/);
    assert.doesNotMatch(html, /<input id="first_name"[^>]*aria-invalid/);
    assert.match(html, /<a href="#username">Username: Must be 3-30/);
  });

  // API.md §4: longer than the limit is refused with the limit named, never cut. Each
  // field just over its limit and far over it (past the 1024 characters an earlier
  // version cut every value to); the value comes back whole, except the password.
  for (const [field, max] of [
    ['username', 30],
    ['first_name', 256],
    ['last_name', 256],
    ['email', 256],
    ['password', 128],
  ] as const) {
    for (const length of [max + 1, 3000]) {
      it(`refuses a ${field} of ${length} characters with its limit, keeping the value`, async () => {
        const fields = valid();
        const long =
          field === 'email'
            ? `${'e'.repeat(length - '@example.com'.length)}@example.com`
            : `u${'x'.repeat(length - 1)}`;
        const response = await post({ ...fields, [field]: long });
        assert.equal(response.statusCode, 400);
        const html = response.body;
        assert.match(html, /One field needs your attention/);
        assert.match(
          html,
          new RegExp(
            `<p class="field-error" id="${field}-error">Must be at most ${max} characters long \\(this one has ${length}\\)\\.</p>`,
          ),
        );
        assert.match(html, new RegExp(`<input id="${field}"[^>]*aria-invalid="true" autofocus>`));
        const shown = field === 'password' ? '' : long;
        assert.match(
          html,
          new RegExp(`<input id="${field}" name="${field}" type="\\w+" value="${shown}"`),
        );
        assert.match(
          html,
          new RegExp(
            `<input id="username"[^>]*value="${field === 'username' ? long : fields.username}"`,
          ),
        );
        assert.equal(await userWith('email', fields.email), undefined);
      });
    }
  }

  it('says a taken username is taken, ignoring case, and escapes what it shows back', async () => {
    const existing = await createUser(t.db, { username: `Taken_${freshUsername('reg')}` });
    const response = await post({
      ...valid(),
      username: existing.username.toUpperCase(),
      first_name: '<script>alert(1)</script>',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="username-error">That username is taken/);
    assert.match(response.body, /value="&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.doesNotMatch(response.body, /<script>alert/);
  });

  it('refuses a form sent from another site without creating anything', async () => {
    const fields = valid();
    const response = await post(fields, { origin: 'https://evil.example' });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /sent from another website/);
    assert.equal(await userWith('username', fields.username), undefined);
  });
});
