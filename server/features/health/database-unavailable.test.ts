// API.md §10: while the database cannot answer, requests that need it get a 503
// (JSON with Retry-After under /api, a short page elsewhere) within the configured
// bounds instead of hanging, and /healthz says why. The real outages (a restarted or
// stopped PostgreSQL server, killed connections) are in test/faults/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { bearer, createPost, createUser } from '../../../test/fixtures';
import { createTestDatabase, TEST_JWT_SECRET, testDialect } from '../../../test/helpers';
import { freePort } from '../../../test/server-process';
import { buildApp, type App } from '../../app';
import { loadConfig } from '../../config';
import { createDatabase, type Db } from '../../db/database';

const SHORT_TIMEOUTS = { DATABASE_STATEMENT_TIMEOUT_MS: '300', DATABASE_CONNECT_TIMEOUT_MS: '500' };

async function appOn(databaseUrl: string): Promise<{ app: App; db: Db }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    DATABASE_URL: databaseUrl,
    SEED_ON_START: 'false',
    ...SHORT_TIMEOUTS,
  });
  const db = createDatabase(config.database, { timeouts: config.databaseTimeouts });
  const app = await buildApp(config, db);
  await app.ready();
  return { app, db };
}

describe(`a database that holds a lock too long (${testDialect})`, () => {
  let other: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: App;
  let db: Db;
  before(async () => {
    other = await createTestDatabase();
    ({ app, db } = await appOn(other.databaseUrl));
  });
  after(async () => {
    await app.close();
    await other.drop();
  });

  it('answers a write with 503 and Retry-After once the statement bound has passed, then works again', async () => {
    const user = await createUser(other.db);
    const post = await createPost(other.db, user.id);
    const likeIt = () =>
      app.inject({
        method: 'POST',
        url: '/api/likes',
        headers: bearer(app, user.id),
        payload: { post_id: post.id },
      });
    await other.db.kysely.transaction().execute(async (trx) => {
      // SQLite: the transaction's BEGIN IMMEDIATE already holds the write lock.
      if (testDialect === 'postgres')
        await sql`lock table likes_posts in exclusive mode`.execute(trx);
      const started = Date.now();
      const response = await likeIt();
      assert.equal(response.statusCode, 503, response.body);
      assert.equal(response.headers['retry-after'], '5');
      assert.match(response.json<{ message: string }>().message, /database is unavailable/);
      assert.ok(Date.now() - started < 5000, 'answered within the bound, not after a hang');
    });
    const after = await likeIt();
    assert.equal(after.statusCode, 201, after.body);
    const rows = await db.kysely
      .selectFrom('likes_posts')
      .selectAll()
      .where('post_id', '=', post.id)
      .execute();
    assert.equal(rows.length, 1, 'the refused write left nothing behind; the later one is there');
  });
});

if (testDialect === 'postgres')
  describe('a PostgreSQL server that does not answer', () => {
    let app: App;
    before(async () => {
      // A port nothing listens on: every connection attempt is refused.
      ({ app } = await appOn(`postgresql://postgres@127.0.0.1:${await freePort()}/gone`));
    });
    after(() => app.close());

    it('answers /healthz 503 with the reason', async () => {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(response.statusCode, 503);
      const body = response.json<{ status: string; database: string; reason: string }>();
      assert.equal(body.status, 'unavailable');
      assert.equal(body.database, 'postgres');
      assert.match(body.reason, /ECONNREFUSED/);
    });

    it('answers the API with a JSON 503 and Retry-After, never a stack trace', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/posts',
        headers: bearer(app, 1),
      });
      assert.equal(response.statusCode, 503, response.body);
      assert.equal(response.headers['retry-after'], '5');
      assert.deepEqual(Object.keys(response.json<object>()), ['message']);
      assert.doesNotMatch(response.body, /ECONNREFUSED|at .*\.ts/);
    });

    it('answers a page with a short HTML 503', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'username=webdev&password=password',
      });
      assert.equal(response.statusCode, 503, response.body);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.match(response.body, /Temporarily unavailable/);
      assert.equal(response.headers['retry-after'], '5');
    });
  });
