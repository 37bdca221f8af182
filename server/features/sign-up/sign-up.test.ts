import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  assertAnswer,
  freshUsername as fresh,
  keysOf,
  signUpBody as account,
  USER_KEYS,
} from '../../../test/fixtures';
import { testDialect, useTestApp } from '../../../test/helpers';

let counter = 0;
/** A client address of its own. */
const freshAddress = () => `10.${counter++ % 250}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

describe(`POST /api/users (${testDialect})`, () => {
  const t = useTestApp();
  const signUp = (body: object, remoteAddress = freshAddress()) =>
    t.app.inject({ method: 'POST', url: '/api/users', payload: body, remoteAddress });

  it('creates the account (201 User), which then logs in and has an empty feed', async () => {
    const body = account({ first_name: '  Ada ', username: `Ada_${fresh()}` });
    const response = await signUp(body);
    assert.equal(response.statusCode, 201, response.body);
    const user = response.json<Record<string, unknown>>();
    assert.deepEqual(keysOf(user), USER_KEYS);
    assert.deepEqual(
      [user.username, user.first_name, user.email, user.image_url],
      [body.username, 'Ada', body.email, null],
    );
    const row = await t.db.kysely
      .selectFrom('users')
      .select(['password_hash', 'password_plaintext', 'is_disabled'])
      .where('id', '=', user.id as number)
      .executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^scrypt:/);
    assert.equal(row.password_plaintext, null);
    assert.ok(!row.is_disabled);

    const token = await t.app.inject({
      method: 'POST',
      url: '/api/token',
      payload: { username: body.username, password: body.password },
    });
    assert.equal(token.statusCode, 200, token.body);
    const headers = {
      authorization: `Bearer ${token.json<{ access_token: string }>().access_token}`,
    };
    assertAnswer(await t.app.inject({ method: 'GET', url: '/api/posts', headers }), 200, []);
    const profile = await t.app.inject({ method: 'GET', url: '/api/profile', headers });
    assert.deepEqual(profile.json(), user);
  });

  it('answers 400 naming the field for every rule', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { username: 'ab' },
        'Invalid field "username": must be 3-30 letters, digits, _ or . and start with a letter.',
      ],
      [
        { username: '1abc' },
        'Invalid field "username": must be 3-30 letters, digits, _ or . and start with a letter.',
      ],
      [
        { username: 'ada lovelace' },
        'Invalid field "username": must be 3-30 letters, digits, _ or . and start with a letter.',
      ],
      [
        { username: `a${'b'.repeat(30)}` },
        'Invalid field "username": must be 3-30 letters, digits, _ or . and start with a letter.',
      ],
      [
        { first_name: '' },
        'Invalid field "first_name": must not be empty and at most 256 characters long, without control characters.',
      ],
      [
        { last_name: '   ' },
        'Invalid field "last_name": must not be empty and at most 256 characters long, without control characters.',
      ],
      [
        { last_name: 'Love\u0000lace' },
        'Invalid field "last_name": must not be empty and at most 256 characters long, without control characters.',
      ],
      [
        { email: 'ada\u0000@example.com' },
        'Invalid field "email": must be an email address (name@example.com), at most 256 characters.',
      ],
      [
        { password: 'analytical\u0000engine' },
        'Invalid field "password": must not contain NUL characters or broken Unicode.',
      ],
      [
        { email: 'ada.example.com' },
        'Invalid field "email": must be an email address (name@example.com), at most 256 characters.',
      ],
      [
        { email: 'ada@@example.com' },
        'Invalid field "email": must be an email address (name@example.com), at most 256 characters.',
      ],
      [{ password: 'short1!' }, 'Invalid field "password": must be at least 8 characters long.'],
      [
        { password: 'x'.repeat(129) },
        'Invalid field "password": must be at most 128 characters long.',
      ],
      [
        { password: 'Password1' },
        'Invalid field "password": is one of the most common passwords: choose one that is harder to guess.',
      ],
      [
        { password: 'iloveyou' },
        'Invalid field "password": is one of the most common passwords: choose one that is harder to guess.',
      ],
      [
        { username: 'Zebra_Crossing9', password: 'zebra_crossing9' },
        'Invalid field "password": must not be the same as the username.',
      ],
      [
        { email: 'Mind.The.Gap@example.com', password: 'mind.the.gap@example.com' },
        'Invalid field "password": must not be the same as the email.',
      ],
      [{ username: undefined }, 'Missing field "username".'],
      [{ password: 12345678 }, 'Invalid field "password": must be a string.'],
      [{ is_admin: true }, 'Unknown field "is_admin".'],
    ];
    for (const [overrides, message] of cases) {
      assertAnswer(await signUp(account(overrides)), 400, { message }, JSON.stringify(overrides));
    }
  });

  it('answers 400 for a username or an email that exists in another letter case', async () => {
    const first = account({ username: `Grace_${fresh()}` });
    assert.equal((await signUp(first)).statusCode, 201);
    assertAnswer(await signUp(account({ username: first.username.toLowerCase() })), 400, {
      message: 'Invalid field "username": That username is taken: choose another one.',
    });
    assertAnswer(await signUp(account({ email: first.email.toUpperCase() })), 400, {
      message: 'Invalid field "email": That email address belongs to another account.',
    });
  });

  it('gives one of two simultaneous sign-ups for the same name a 201 and the other a 400', async () => {
    const name = `Twin_${fresh()}`;
    const answers = await Promise.all([
      signUp(account({ username: name })),
      signUp(account({ username: name.toLowerCase() })),
      signUp(account({ username: name.toUpperCase() })),
    ]);
    assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [201, 400, 400]);
    const emails = await Promise.all([
      signUp(account({ email: `${name}@example.com` })),
      signUp(account({ email: `${name.toUpperCase()}@EXAMPLE.COM` })),
    ]);
    assert.deepEqual(emails.map((answer) => answer.statusCode).sort(), [201, 400]);
  });

  it('allows 5 sign-ups per client address per hour, then 429 with Retry-After', async () => {
    const address = freshAddress();
    // Refused sign-ups do not count.
    assert.equal((await signUp(account({ password: 'password' }), address)).statusCode, 400);
    for (let i = 0; i < 5; i++) {
      assert.equal((await signUp(account(), address)).statusCode, 201, `sign-up ${i + 1}`);
    }
    const refused = await signUp(account(), address);
    assert.equal(refused.statusCode, 429);
    assert.match(refused.json<{ message: string }>().message, /Too many new accounts/);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal((await signUp(account(), freshAddress())).statusCode, 201);
  });
});

describe(`REGISTRATION=closed (${testDialect})`, () => {
  const t = useTestApp({ env: { REGISTRATION: 'closed' } });

  it('answers 404 for POST /api/users and both /register pages', async () => {
    const api = await t.app.inject({ method: 'POST', url: '/api/users', payload: account() });
    assert.equal(api.statusCode, 404);
    const page = await t.app.inject({ method: 'GET', url: '/register' });
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /<h1>Sign-up is closed<\/h1>/);
    const form = await t.app.inject({
      method: 'POST',
      url: '/register',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(account() as Record<string, string>).toString(),
    });
    assert.equal(form.statusCode, 404);
    const login = await t.app.inject({ method: 'GET', url: '/login' });
    assert.doesNotMatch(login.body, /href="\/register"/);
  });
});
