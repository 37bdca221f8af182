// The upload quota (API.md §9: 60 per user per hour) with the counter stores that
// several workers share, the database and Redis, on two apps on one database
// (test/counter-stores.ts). (The memory store is per process by design:
// upload-limits.test.ts covers it with one app.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { counterStoreEnv, twoWorkers } from '../../../test/counter-stores';
import { bearer, createUser } from '../../../test/fixtures';
import { testDialect } from '../../../test/helpers';
import { multipart, smallImage } from '../../../test/images';
import { UPLOADS_PER_HOUR } from './uploads.routes';

for (const store of ['database', 'redis'] as const) {
  describe(`upload quota shared by two workers, ${store} counters (${testDialect})`, () => {
    let workers: Awaited<ReturnType<typeof twoWorkers>>;
    before(async () => {
      workers = await twoWorkers(counterStoreEnv(store));
    });
    after(() => workers?.close());

    it(`admits ${UPLOADS_PER_HOUR} of ${UPLOADS_PER_HOUR + 6} parallel uploads by one user across both, then 429 on either`, async () => {
      const [first, second] = workers.apps;
      const user = await createUser(workers.db);
      const image = await smallImage('png', 8, 8);
      const upload = (app: FastifyInstance, userId = user.id) => {
        const body = multipart([{ bytes: image, filename: 'dot.png', contentType: 'image/png' }]);
        return app.inject({
          method: 'POST',
          url: '/api/media',
          headers: { ...bearer(app, userId), ...body.headers },
          payload: body.payload,
        });
      };
      const answers = await Promise.all(
        Array.from({ length: UPLOADS_PER_HOUR + 6 }, (_, i) =>
          upload(i % 2 === 0 ? first : second),
        ),
      );
      const statuses = answers.map((answer) => answer.statusCode);
      // With a store per worker (memory), each would admit its 33 and this would see 66.
      assert.equal(statuses.filter((s) => s === 201).length, UPLOADS_PER_HOUR, `${statuses}`);
      assert.equal(statuses.filter((s) => s === 429).length, 6, `${statuses}`);
      for (const app of [first, second]) {
        const refused = await upload(app);
        assert.equal(refused.statusCode, 429);
        assert.match(
          refused.json<{ message: string }>().message,
          new RegExp(`uploaded ${UPLOADS_PER_HOUR} images in the last hour`),
        );
        const retryAfter = Number(refused.headers['retry-after']);
        assert.ok(retryAfter > 0 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
      }
      // Another user has a quota of their own, on both workers.
      const other = await createUser(workers.db);
      assert.equal((await upload(first, other.id)).statusCode, 201);
      assert.equal((await upload(second, other.id)).statusCode, 201);
    });
  });
}
