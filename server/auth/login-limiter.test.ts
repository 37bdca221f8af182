// The login limiter against the real app (API.md §5), with each counter store:
// memory, Redis (127.0.0.1:6379, a key prefix of its own per run) and the database.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { counterStoreEnv } from '../../test/counter-stores';
import { createUser } from '../../test/fixtures';
import { buildTestApp, testDialect, useTestApp } from '../../test/helpers';
import { apiLogin, cookieHeaderOf, PASSWORD_HASH } from '../../test/sessions';

for (const store of ['memory', 'redis', 'database'] as const) {
  describe(`login limiter, ${store} counters (${testDialect})`, () => {
    const t = useTestApp({ env: counterStoreEnv(store) });
    const newUser = () => createUser(t.db, { password_hash: PASSWORD_HASH });

    it('checks at most 10 of 60 parallel wrong passwords for one username from one address', async () => {
      const user = await newUser();
      const answers = await Promise.all(
        Array.from({ length: 60 }, () =>
          apiLogin(t.app, user.username, { password: 'wrong', ip: '10.1.0.1' }),
        ),
      );
      const statuses = answers.map((a) => a.statusCode);
      assert.equal(statuses.filter((s) => s === 401).length, 10);
      assert.equal(statuses.filter((s) => s === 429).length, 50);
      const refused = answers.find((a) => a.statusCode === 429);
      assert.ok(Number(refused?.headers['retry-after']) > 0);
      // Past the limit the right password is refused too, so a 429 teaches nothing.
      const right = await apiLogin(t.app, user.username, { ip: '10.1.0.1' });
      assert.equal(right.statusCode, 429);
    });

    // Each password check costs a full-strength scrypt hash: the rules that do not
    // depend on the store run with the memory store only.
    const onlyInMemory = (name: string, test: () => Promise<void>) => {
      if (store === 'memory') it(name, test);
    };

    onlyInMemory(
      'keeps the owner in on a trusted device while 30 addresses attack the username',
      async () => {
        const user = await newUser();
        // The owner's earlier login made this client a trusted device.
        const earlier = await apiLogin(t.app, user.username, { ip: '10.2.0.1' });
        assert.equal(earlier.statusCode, 200);
        const device = cookieHeaderOf(earlier);
        assert.match(device, /^login_device=/);
        for (let round = 0; round < 2; round++) {
          await Promise.all(
            Array.from({ length: 30 }, (_, i) =>
              apiLogin(t.app, user.username, { password: 'guess', ip: `10.3.0.${i + 1}` }),
            ),
          );
        }
        // 20 untrusted failures per username: an untrusted client from a fresh address is refused...
        const stranger = await apiLogin(t.app, user.username, { ip: '10.4.0.1' });
        assert.equal(stranger.statusCode, 429);
        // ...while the owner's device, even from yet another address, gets in.
        const owner = await apiLogin(t.app, user.username, { ip: '10.5.0.1', cookie: device });
        assert.equal(owner.statusCode, 200);
        // A device cookie of another username does not count as trusted for this one.
        const other = await newUser();
        const otherDevice = cookieHeaderOf(
          await apiLogin(t.app, other.username, { ip: '10.6.0.1' }),
        );
        const borrowed = await apiLogin(t.app, user.username, {
          ip: '10.6.0.1',
          cookie: otherDevice,
        });
        assert.equal(borrowed.statusCode, 429);
      },
    );

    onlyInMemory('does not count a correct password as a failure', async () => {
      const user = await newUser();
      for (let i = 0; i < 12; i++) {
        assert.equal((await apiLogin(t.app, user.username, { ip: '10.8.0.1' })).statusCode, 200);
      }
    });
  });
}

describe(`login limiter shared by two instances through Redis (${testDialect})`, () => {
  it('enforces one limit across both', async () => {
    const env = counterStoreEnv('redis');
    const first = await buildTestApp({ env });
    const second = await buildTestApp({ env });
    try {
      const username = `shared_${randomBytes(4).toString('hex')}`;
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          apiLogin(i % 2 === 0 ? first.app : second.app, username, {
            password: 'wrong',
            ip: '10.9.0.1',
          }),
        ),
      );
      assert.equal(answers.filter((a) => a.statusCode === 401).length, 10);
      assert.equal(answers.filter((a) => a.statusCode === 429).length, 20);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
