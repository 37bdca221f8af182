import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, assertAnswer, createUser, loginCookies } from '../../../test/fixtures';
import { testDialect, useTestApp } from '../../../test/helpers';

const t = useTestApp();

describe(`PATCH /api/profile (${testDialect})`, () => {
  it('changes names, email and pictures, trims names and answers the whole User', async () => {
    const user = await createUser(t.db);
    const response = await apiAs(t.app, user.id)('PATCH', '/api/profile', {
      first_name: '  Grace ',
      last_name: 'Hopper',
      email: `Grace.${user.id}@Example.com`,
      image_url: '/media/u/AAAAAAAAAAAAAAAAAAAAAA.webp',
      thumb_url: 'https://example.com/grace-thumb.jpg',
    });
    assertAnswer(response, 200, {
      id: user.id,
      first_name: 'Grace',
      last_name: 'Hopper',
      username: user.username,
      email: `Grace.${user.id}@Example.com`,
      image_url: '/media/u/AAAAAAAAAAAAAAAAAAAAAA.webp',
      thumb_url: 'https://example.com/grace-thumb.jpg',
    });
    const profile = await apiAs(t.app, user.id)('GET', '/api/profile');
    assert.deepEqual(profile.json(), response.json());
  });

  it('changes only what is sent; null removes the picture; {} changes nothing', async () => {
    const user = await createUser(t.db, { first_name: 'Ada', last_name: 'Lovelace' });
    const as = apiAs(t.app, user.id);
    const cleared = await as('PATCH', '/api/profile', { image_url: null, thumb_url: null });
    assert.equal(cleared.statusCode, 200);
    assert.deepEqual(
      [cleared.json().first_name, cleared.json().image_url, cleared.json().thumb_url],
      ['Ada', null, null],
    );
    const nothing = await as('PATCH', '/api/profile', {});
    assert.deepEqual(nothing.json(), cleared.json());
  });

  it('answers 400 for an email another account has, ignoring case; keeping your own is fine', async () => {
    const taken = await createUser(t.db, { email: `Taken.${Date.now()}@example.com` });
    const user = await createUser(t.db);
    const as = apiAs(t.app, user.id);
    assertAnswer(await as('PATCH', '/api/profile', { email: taken.email.toUpperCase() }), 400, {
      message: 'Invalid field "email": That email address belongs to another account.',
    });
    const own = await as('PATCH', '/api/profile', { email: user.email.toUpperCase() });
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().email, user.email.toUpperCase());
  });

  it('answers 400 naming the field for each bad value, and for the username', async () => {
    const user = await createUser(t.db);
    const as = apiAs(t.app, user.id);
    for (const [body, field] of [
      [{ first_name: '' }, 'first_name'],
      [{ last_name: '   ' }, 'last_name'],
      [{ first_name: 'x'.repeat(257) }, 'first_name'],
      [{ email: 'no-at-sign.example.com' }, 'email'],
      [{ email: 'two@@example.com' }, 'email'],
      [{ email: 'a b@example.com' }, 'email'],
      [{ image_url: 'javascript:alert(1)' }, 'image_url'],
      [{ thumb_url: `https://example.com/${'x'.repeat(600)}` }, 'thumb_url'],
      [{ image_url: 12 }, 'image_url'],
      [{ first_name: null }, 'first_name'],
      [{ first_name: 'Gr\u0000ace' }, 'first_name'],
      [{ email: 'grace\u0000@example.com' }, 'email'],
      [{ image_url: '//evil.example/a.jpg' }, 'image_url'],
    ] as const) {
      const response = await as('PATCH', '/api/profile', body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.ok(
        response.json<{ message: string }>().message.includes(`"${field}"`),
        `${JSON.stringify(body)}: ${response.body}`,
      );
    }
    const renamed = await as('PATCH', '/api/profile', { username: 'someone_else' });
    assertAnswer(renamed, 400, { message: 'Unknown field "username".' });
    const after = await as('GET', '/api/profile');
    assert.equal(after.json().username, user.username);
  });

  it('needs the CSRF header when the token comes as a cookie, and a token at all', async () => {
    const user = await createUser(t.db);
    const session = loginCookies(t.app, user.id);
    const withoutCsrf = await t.app.inject({
      method: 'PATCH',
      url: '/api/profile',
      headers: { cookie: session.cookie },
      payload: { first_name: 'Mallory' },
    });
    assert.equal(withoutCsrf.statusCode, 401);
    const withCsrf = await t.app.inject({
      method: 'PATCH',
      url: '/api/profile',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { first_name: 'Alice' },
    });
    assert.equal(withCsrf.statusCode, 200);
    const anonymous = await t.app.inject({
      method: 'PATCH',
      url: '/api/profile',
      payload: { first_name: 'Eve' },
    });
    assert.equal(anonymous.statusCode, 401);
  });
});
