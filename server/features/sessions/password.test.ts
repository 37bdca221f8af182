// POST /api/profile/password (API.md §9), the full hash queue (503) and the
// per-address login limit over many usernames (API.md §5).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUser, passwordHashOf } from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';
import { apiLogin, cookieHeaderOf, PASSWORD_HASH } from '../../../test/sessions';

const NEW_PASSWORD = 'a brand new passphrase';
/** "password" at OWASP strength (N=2^17): slow enough that parallel checks overlap. */
const FULL_STRENGTH_HASH =
  'scrypt:131072:8:1$Zq3RkT8wPb2Ld5Xy$be8c9cd3e434e6380abf8467e9941c2c4d58bbb4a0886cfc7fa84c274e0be9665dc44c2dda067f2269b2096f6ab0eae85b92a77c2fa305a7ddce076632085005';

describe(`POST /api/profile/password (${testDialect})`, () => {
  const t = useTestApp({ env: { LOGIN_LIMIT_USER_ADDRESS: '3' } });

  const change = (accessToken: string, body: object, ip = '127.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/profile/password',
      remoteAddress: ip,
      headers: { authorization: `Bearer ${accessToken}` },
      payload: body,
    });
  const profile = (accessToken: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/profile',
      headers: { authorization: `Bearer ${accessToken}` },
    });
  const refresh = (refreshToken: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/token/refresh',
      payload: { refresh_token: refreshToken },
    });

  it('refuses a wrong current password with 400, counted as a failed login (429 past the limit)', async () => {
    const user = await createUser(t.db, { password_hash: PASSWORD_HASH });
    const { access_token } = (await apiLogin(t.app, user.username)).json();
    for (let i = 0; i < 3; i++) {
      const wrong = await change(access_token, {
        current_password: `not it ${i}`,
        new_password: NEW_PASSWORD,
      });
      assert.equal(wrong.statusCode, 400, `attempt ${i + 1}`);
      assert.match(wrong.json().message, /current_password/);
    }
    // LOGIN_LIMIT_USER_ADDRESS=3: the fourth attempt is refused even with the right password.
    const blocked = await change(access_token, {
      current_password: 'password',
      new_password: NEW_PASSWORD,
    });
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    // ... and so is a login from that address: the three failures counted as logins.
    assert.equal((await apiLogin(t.app, user.username)).statusCode, 429);
    assert.equal(await passwordHashOf(t.db, user.id), PASSWORD_HASH, 'the password did not change');
  });

  it('ends every other session and its access tokens at once, keeps this one, clears password_plaintext', async () => {
    const user = await createUser(t.db, {
      password_hash: PASSWORD_HASH,
      password_plaintext: 'password',
    });
    const mine = (await apiLogin(t.app, user.username, { ip: '10.1.0.1' })).json();
    const other = (await apiLogin(t.app, user.username, { ip: '10.1.0.2' })).json();
    const third = (await apiLogin(t.app, user.username, { ip: '10.1.0.3' })).json();
    for (const session of [mine, other, third]) {
      assert.equal((await profile(session.access_token)).statusCode, 200);
    }

    const changed = await change(
      mine.access_token,
      { current_password: 'password', new_password: NEW_PASSWORD },
      '10.1.0.1',
    );
    assert.equal(changed.statusCode, 200, changed.body);
    assert.match(changed.json().message, /other sessions have been logged out/);

    // The other sessions: access and refresh tokens refused at once, not in 15 minutes.
    for (const session of [other, third]) {
      const denied = await profile(session.access_token);
      assert.equal(denied.statusCode, 401);
      assert.match(denied.json().message, /session has ended/);
      assert.equal((await refresh(session.refresh_token)).statusCode, 401);
    }
    // This one goes on.
    assert.equal((await profile(mine.access_token)).statusCode, 200);
    assert.equal((await refresh(mine.refresh_token)).statusCode, 200);

    const row = await t.db.kysely
      .selectFrom('users')
      .select(['password_hash', 'password_plaintext'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.password_plaintext, null);
    assert.notEqual(row.password_hash, PASSWORD_HASH);
    const sessions = await t.db.kysely
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    assert.equal(sessions.length, 1);

    assert.equal((await apiLogin(t.app, user.username, { ip: '10.1.0.4' })).statusCode, 401);
    const login = await apiLogin(t.app, user.username, { ip: '10.1.0.5', password: NEW_PASSWORD });
    assert.equal(login.statusCode, 200);
  });
});

describe(`a full password hash queue (${testDialect})`, () => {
  // One thread and one waiting place.
  const t = useTestApp({ env: { HASH_THREADS: '1', HASH_QUEUE: '1' } });

  it('answers 503 with Retry-After at once, and those attempts are not counted', async () => {
    const user = await createUser(t.db, { password_hash: FULL_STRENGTH_HASH });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        apiLogin(t.app, user.username, { ip: `10.2.0.${i + 1}`, password: `wrong ${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    const busy = answers.filter((a) => a.statusCode === 503);
    assert.ok(busy.length >= 1, `statuses ${statuses.join(',')}`);
    assert.ok(
      statuses.every((s) => s === 401 || s === 503),
      `statuses ${statuses.join(',')}`,
    );
    assert.ok(statuses.includes(401), 'some were checked');
    for (const answer of busy) {
      assert.equal(answer.headers['retry-after'], '2');
      assert.match(answer.json().message, /busy/);
    }
    // LOGIN_LIMIT_USER is 20: had the 503s counted, nothing would change here, so check
    // the per-(username, address) counter of a refused address directly instead: ten
    // more failures from it are still answered 401 before the 429.
    const refusedIp = `10.2.0.${statuses.indexOf(503) + 1}`;
    // The counters do not depend on the hash: a cheap one keeps the rest of the test short.
    await t.db.kysely
      .updateTable('users')
      .set({ password_hash: PASSWORD_HASH })
      .where('id', '=', user.id)
      .execute();
    for (let i = 0; i < 10; i++) {
      const again = await apiLogin(t.app, user.username, { ip: refusedIp, password: 'wrong' });
      assert.equal(again.statusCode, 401, `failure ${i + 1} from ${refusedIp}`);
    }
    assert.equal(
      (await apiLogin(t.app, user.username, { ip: refusedIp, password: 'wrong' })).statusCode,
      429,
    );
  });
});

describe(`the per-address login limit over many usernames (${testDialect})`, () => {
  const t = useTestApp();

  it('answers 401 to the first 50 failures from one address, then 429 for any username', async () => {
    const ip = '10.3.0.1';
    // One after another: 60 at once would also overflow the hash queue (503s).
    const answers: Awaited<ReturnType<typeof apiLogin>>[] = [];
    for (let i = 0; i < 60; i++) {
      answers.push(await apiLogin(t.app, `nobody_${i}`, { ip, password: 'guess' }));
    }
    const count = (status: number) => answers.filter((a) => a.statusCode === status).length;
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      [...Array<number>(50).fill(401), ...Array<number>(10).fill(429)],
    );
    assert.equal(count(429), 10);
    for (const answer of answers.filter((a) => a.statusCode === 429)) {
      assert.ok(Number(answer.headers['retry-after']) > 0);
    }

    // Past the limit even a real user's right password is refused from that address...
    const user = await createUser(t.db, { password_hash: PASSWORD_HASH });
    assert.equal((await apiLogin(t.app, user.username, { ip })).statusCode, 429);
    // ... but not from another address, and not from the user's trusted device there.
    const elsewhere = await apiLogin(t.app, user.username, { ip: '10.3.0.2' });
    assert.equal(elsewhere.statusCode, 200);
    const device = cookieHeaderOf(elsewhere);
    assert.match(device, /=/);
    const trusted = await apiLogin(t.app, user.username, { ip, cookie: device });
    assert.equal(trusted.statusCode, 200);
  });
});
