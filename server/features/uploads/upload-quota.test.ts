// The upload quota (API.md §9: 60 per user per hour) with the counter stores that
// several workers share: the database and Redis (127.0.0.1:6379, a key prefix of its
// own per run). Two apps on one database stand for two workers (WEB_CONCURRENCY=2) or
// two instances; each has its own connection and its own store client, so only what
// the store itself shares can hold the quota. (The memory store is per process by
// design: upload-limits.test.ts covers it with one app.)
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { createDatabase } from '../../db/database';
import { bearer, createUser } from '../../../test/fixtures';
import { createTestDatabase, TEST_JWT_SECRET, testDialect } from '../../../test/helpers';
import { multipart, smallImage } from '../../../test/images';
import { UPLOADS_PER_HOUR } from './uploads.routes';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const storeEnv = (store: 'redis' | 'database'): Record<string, string> =>
  store === 'redis'
    ? {
        LOGIN_COUNTERS: 'redis',
        REDIS_URL,
        REDIS_KEY_PREFIX: `photo-app-test:${randomBytes(6).toString('hex')}:`,
      }
    : { LOGIN_COUNTERS: 'database' };

/** Two production apps ("workers") on one fresh database, each with its own connection. */
async function twoWorkers(env: Record<string, string>) {
  const { databaseUrl, db, drop } = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'photo-upload-quota-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    DATABASE_URL: databaseUrl,
    SEED_ON_START: 'false',
    DATA_DIR: dataDir,
    ...env,
  });
  const apps: FastifyInstance[] = [];
  const close = async () => {
    await Promise.all(apps.map((app) => app.close()));
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    apps.push(await buildApp(config, db));
    apps.push(await buildApp(config, createDatabase(config.database)));
    await Promise.all(apps.map((app) => app.ready()));
  } catch (error) {
    await close();
    throw error;
  }
  return { apps: apps as [FastifyInstance, FastifyInstance], db, close };
}

for (const store of ['database', 'redis'] as const) {
  describe(`upload quota shared by two workers, ${store} counters (${testDialect})`, () => {
    let workers: Awaited<ReturnType<typeof twoWorkers>>;
    before(async () => {
      workers = await twoWorkers(storeEnv(store));
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
