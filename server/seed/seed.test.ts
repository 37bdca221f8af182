import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyPassword } from '../auth/passwords';
import { createTestDatabase, testDialect } from '../../test/helpers';
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import { toDbTime } from '../db/portable';
import { COURSE_TABLES, seedDemo, seedIfEmpty, SeedRefusedError } from './seed';

const TABLES = COURSE_TABLES;
const now = new Date('2026-05-04T10:20:30.456Z');

async function dumpTables(db: Db): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    dump[table] = await db.kysely.selectFrom(table).selectAll().orderBy('id').execute();
  }
  return dump;
}

/** Inserts one row without an id: the id the database chose. */
async function insertWithoutId<T extends (typeof TABLES)[number]>(
  db: Db,
  table: T,
  values: Insertable<Database[T]>,
): Promise<number> {
  // Any one of the tables: the casts keep Kysely from inferring a union of eight row types.
  const row = await db.kysely
    .insertInto(table as 'stories')
    .values(values as Insertable<Database['stories']>)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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
    const user = await insertWithoutId(db, 'users', {
      first_name: 'New',
      last_name: 'Person',
      username: 'new_person',
      email: 'new@example.com',
      password_hash: 'x',
      date_created: time,
    });
    const post = await insertWithoutId(db, 'posts', {
      image_url: '/media/seed/post-x.svg',
      pub_date: time,
      user_id: user,
    });
    const comment = await insertWithoutId(db, 'comments', {
      text: 'Hi',
      pub_date: time,
      user_id: user,
      post_id: post,
    });
    // A like and a bookmark of the new post have the same columns.
    const ofPost = { user_id: user, post_id: post, timestamp: time };
    const ids: Record<(typeof TABLES)[number], number> = {
      users: user,
      following: await insertWithoutId(db, 'following', { user_id: user, following_id: 1 }),
      posts: post,
      comments: comment,
      likes_posts: await insertWithoutId(db, 'likes_posts', ofPost),
      likes_comments: await insertWithoutId(db, 'likes_comments', {
        user_id: user,
        comment_id: comment,
        timestamp: time,
      }),
      bookmarks: await insertWithoutId(db, 'bookmarks', ofPost),
      stories: await insertWithoutId(db, 'stories', {
        text: 'Hello',
        pub_date: time,
        user_id: user,
      }),
    };
    // The tables whose new id is not above every seeded one: none.
    assert.deepEqual(
      TABLES.filter((table) => !(ids[table] > summary[table])),
      [],
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
