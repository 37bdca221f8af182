// The sign-up quota (API.md §9: 5 per client address per hour) with the counter stores
// that several workers share, the database and Redis, on two apps on one database
// (test/counter-stores.ts). (The memory store is per process by design: sign-up.test.ts
// covers it with one app.)
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import { counterStoreEnv, twoWorkers } from '../../../test/counter-stores';
import { createUser, freshUsername, signUpBody as account } from '../../../test/fixtures';
import { testDialect } from '../../../test/helpers';
import { SIGN_UPS_PER_HOUR } from '../../auth/sign-up';

for (const store of ['database', 'redis'] as const) {
  describe(`sign-up quota shared by two workers, ${store} counters (${testDialect})`, () => {
    let workers: Awaited<ReturnType<typeof twoWorkers>>;
    before(async () => {
      workers = await twoWorkers(counterStoreEnv(store));
    });
    after(() => workers?.close());

    const signUp = (app: FastifyInstance, address: string) =>
      app.inject({ method: 'POST', url: '/api/users', payload: account(), remoteAddress: address });
    const accountsNamed = async (db: Db, usernames: string[]) =>
      (await db.kysely.selectFrom('users').select('username').execute()).filter((row) =>
        usernames.includes(row.username),
      ).length;

    // Each admitted sign-up costs a full-strength password hash: one burst covers it all.
    it(`admits ${SIGN_UPS_PER_HOUR} of 8 parallel sign-ups from one address across both, then 429 on either`, async () => {
      const [first, second] = workers.apps;
      const address = `10.77.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
      const post = (app: FastifyInstance, payload: object) =>
        app.inject({ method: 'POST', url: '/api/users', payload, remoteAddress: address });
      // Refused sign-ups use none of the quota, on either worker: a rule broken (checked
      // before the quota) or a username taken (found after it, and given back).
      const existing = await createUser(workers.db, { username: `Taken_${freshUsername()}` });
      for (const app of [first, second]) {
        assert.equal((await post(app, { ...account(), password: 'password' })).statusCode, 400);
        const duplicate = await post(app, {
          ...account(),
          username: existing.username.toUpperCase(),
        });
        assert.equal(duplicate.statusCode, 400, duplicate.body);
        assert.match(duplicate.body, /username is taken/);
      }

      const bodies = Array.from({ length: 8 }, () => account());
      const answers = await Promise.all(
        bodies.map((body, i) => post(i % 2 === 0 ? first : second, body)),
      );
      const statuses = answers.map((answer) => answer.statusCode);
      // With a store per worker (memory), each would admit its 4 and this would see 8.
      assert.equal(statuses.filter((s) => s === 201).length, SIGN_UPS_PER_HOUR, `${statuses}`);
      assert.equal(statuses.filter((s) => s === 429).length, 8 - SIGN_UPS_PER_HOUR, `${statuses}`);
      const created = bodies.map((body) => body.username);
      assert.equal(await accountsNamed(workers.db, created), SIGN_UPS_PER_HOUR);
      for (const app of [first, second]) {
        const refused = await signUp(app, address);
        assert.equal(refused.statusCode, 429);
        assert.match(refused.json<{ message: string }>().message, /Too many new accounts/);
        const retryAfter = Number(refused.headers['retry-after']);
        assert.ok(retryAfter > 0 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
      }
      // Another address has a quota of its own.
      const other = `10.78.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
      assert.equal((await signUp(second, other)).statusCode, 201);
    });
  });
}
