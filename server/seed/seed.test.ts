import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyPassword } from '../auth/passwords';
import { createTestDatabase, testDialect } from '../../test/helpers';
import type { Db } from '../db/database';
import { toDbTime } from '../db/portable';
import { seedDemo, seedIfEmpty, SeedRefusedError } from './seed';

const TABLES = [
  'users',
  'following',
  'posts',
  'comments',
  'likes_posts',
  'likes_comments',
  'bookmarks',
  'stories',
] as const;
const now = new Date('2026-05-04T10:20:30.456Z');

async function dumpTables(db: Db): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    dump[table] = await db.kysely.selectFrom(table).selectAll().orderBy('id').execute();
  }
  return dump;
}

async function freshDatabase(cleanups: Array<() => Promise<void>>): Promise<Db> {
  const { db, drop } = await createTestDatabase();
  cleanups.push(async () => {
    await db.close();
    await drop();
  });
  return db;
}

describe(`seedDemo (${testDialect})`, () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('writes identical rows in every table on two fresh databases with the same now', async () => {
    const first = await freshDatabase(cleanups);
    const second = await freshDatabase(cleanups);
    await seedDemo(first, { now });
    await seedDemo(second, { now });
    const dump = await dumpTables(first);
    assert.ok(TABLES.every((table) => (dump[table]?.length ?? 0) > 0));
    assert.deepEqual(await dumpTables(second), dump);
  });

  it('with reset, wipes a seeded and changed database and yields the same rows again', async () => {
    const db = await freshDatabase(cleanups);
    const summary = await seedDemo(db, { now });
    const seeded = await dumpTables(db);
    await db.kysely.deleteFrom('posts').where('id', '=', 1).execute();
    const extra = await db.kysely
      .insertInto('users')
      .values({
        first_name: 'Extra',
        last_name: 'Person',
        username: 'extra_person',
        email: 'extra@example.com',
        password_hash: 'x',
        date_created: toDbTime(now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('sessions')
      .values({
        id: '6f1c2b8e-0000-4000-8000-000000000001',
        user_id: extra.id,
        created_at: toDbTime(now),
        last_used_at: toDbTime(now),
        user_agent: null,
      })
      .execute();

    assert.deepEqual(await seedDemo(db, { now, reset: true }), summary);
    assert.deepEqual(await dumpTables(db), seeded);
    assert.equal(
      await db.kysely
        .selectFrom('users')
        .select('id')
        .where('id', '=', extra.id)
        .executeTakeFirst(),
      undefined,
    );
    assert.deepEqual(await db.kysely.selectFrom('sessions').selectAll().execute(), []);
  });

  it('refuses a database that already has users and writes nothing', async () => {
    const db = await freshDatabase(cleanups);
    await seedDemo(db, { now });
    const before = await dumpTables(db);
    await assert.rejects(seedDemo(db, { now: new Date() }), SeedRefusedError);
    assert.deepEqual(await dumpTables(db), before);
  });

  it('lets later inserts without an id succeed in every table (sequences follow the seeded ids)', async () => {
    const db = await freshDatabase(cleanups);
    const summary = await seedDemo(db, { now });
    const time = toDbTime(new Date());
    const k = db.kysely;
    const user = await k
      .insertInto('users')
      .values({
        first_name: 'New',
        last_name: 'Person',
        username: 'new_person',
        email: 'new@example.com',
        password_hash: 'x',
        date_created: time,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const post = await k
      .insertInto('posts')
      .values({ image_url: '/media/seed/post-x.svg', pub_date: time, user_id: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const comment = await k
      .insertInto('comments')
      .values({ text: 'Hi', pub_date: time, user_id: user.id, post_id: post.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = [
      user.id > summary.users,
      post.id > summary.posts,
      comment.id > summary.comments,
      (
        await k
          .insertInto('likes_posts')
          .values({ user_id: user.id, post_id: post.id, timestamp: time })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id > summary.likes_posts,
      (
        await k
          .insertInto('likes_comments')
          .values({ user_id: user.id, comment_id: comment.id, timestamp: time })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id > summary.likes_comments,
      (
        await k
          .insertInto('bookmarks')
          .values({ user_id: user.id, post_id: post.id, timestamp: time })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id > summary.bookmarks,
      (
        await k
          .insertInto('following')
          .values({ user_id: user.id, following_id: 1 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id > summary.following,
      (
        await k
          .insertInto('stories')
          .values({ text: 'Hello', pub_date: time, user_id: user.id })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id > summary.stories,
    ];
    assert.deepEqual(
      rows,
      rows.map(() => true),
    );
  });

  it('gives every demo user the password "password", also in password_plaintext', async () => {
    const db = await freshDatabase(cleanups);
    await seedDemo(db, { now });
    const users = await db.kysely
      .selectFrom('users')
      .select(['password_hash', 'password_plaintext'])
      .execute();
    assert.ok(users.every((user) => user.password_plaintext === 'password'));
    assert.equal(new Set(users.map((user) => user.password_hash)).size, 1);
    assert.equal((await verifyPassword('password', users[0]?.password_hash ?? '')).ok, true);
    assert.equal((await verifyPassword('Password', users[0]?.password_hash ?? '')).ok, false);
  });
});

describe(`seedIfEmpty (${testDialect})`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  before(async () => {
    ({ db, drop } = await createTestDatabase());
  });
  after(async () => {
    await db.close();
    await drop();
  });

  it('seeds a database without users, then leaves it alone', async () => {
    assert.equal(await seedIfEmpty(db), true);
    const seeded = await dumpTables(db);
    assert.equal((seeded.users?.[0] as { username: string }).username, 'webdev');
    assert.equal(await seedIfEmpty(db), false);
    assert.deepEqual(await dumpTables(db), seeded);
  });
});
