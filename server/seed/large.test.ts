import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { bearer } from '../../test/fixtures';
import { buildTestApp, createTestDatabase, testDialect, type TestApp } from '../../test/helpers';
import { verifyPassword } from '../auth/passwords';
import { seedLarge } from './large';
import { SeedRefusedError } from './seed';
import { pickDistinct } from './large-rows';

const USERS = 40;
const POSTS_PER_USER = 3;
const FOLLOWS_PER_USER = 5;

async function countRows(
  t: TestApp,
  table: 'users' | 'posts' | 'following' | 'comments' | 'likes_posts' | 'bookmarks' | 'stories',
) {
  const row = await t.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe(`seedLarge (${testDialect})`, () => {
  let t: TestApp;
  const phases = new Set<string>();
  before(async () => {
    t = await buildTestApp();
    await seedLarge(t.db, {
      users: USERS,
      postsPerUser: POSTS_PER_USER,
      followsPerUser: FOLLOWS_PER_USER,
      onProgress: (done, total, phase) => {
        assert.ok(done <= total, `${phase}: ${done} of ${total}`);
        if (done === total) phases.add(phase);
      },
    });
  });
  after(() => t.close());

  it('writes the requested numbers of users, posts and follows, and reports each phase complete', async () => {
    assert.equal(await countRows(t, 'users'), USERS);
    assert.equal(await countRows(t, 'posts'), USERS * POSTS_PER_USER);
    assert.equal(await countRows(t, 'following'), USERS * FOLLOWS_PER_USER);
    assert.equal(await countRows(t, 'stories'), USERS);
    assert.ok((await countRows(t, 'comments')) > 0);
    assert.ok((await countRows(t, 'likes_posts')) > 0);
    assert.ok((await countRows(t, 'bookmarks')) > 0);
    assert.deepEqual([...phases].sort(), [
      'bookmarks',
      'comments',
      'following',
      'likes_posts',
      'posts',
      'stories',
      'users',
    ]);
  });

  it('makes user 1 webdev with the demo password', async () => {
    const webdev = await t.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    assert.equal(webdev.username, 'webdev');
    assert.equal(webdev.password_plaintext, 'password');
    assert.equal((await verifyPassword('password', webdev.password_hash)).ok, true);
  });

  it('never lets a user follow themself', async () => {
    const selfFollows = await t.db.kysely
      .selectFrom('following')
      .select('id')
      .whereRef('user_id', '=', 'following_id')
      .execute();
    assert.deepEqual(selfFollows, []);
  });

  it('puts every like, bookmark and comment on a post its author can see', async () => {
    const follows = await t.db.kysely
      .selectFrom('following')
      .select(['user_id', 'following_id'])
      .execute();
    const network = new Set(follows.map((f) => `${f.user_id}:${f.following_id}`));
    const posts = await t.db.kysely.selectFrom('posts').select(['id', 'user_id']).execute();
    const authorOf = new Map(posts.map((p) => [p.id, p.user_id]));
    const reactions = [
      ...(await t.db.kysely.selectFrom('likes_posts').select(['user_id', 'post_id']).execute()),
      ...(await t.db.kysely.selectFrom('bookmarks').select(['user_id', 'post_id']).execute()),
      ...(await t.db.kysely.selectFrom('comments').select(['user_id', 'post_id']).execute()),
    ];
    const hidden = reactions.filter((r) => !network.has(`${r.user_id}:${authorOf.get(r.post_id)}`));
    assert.deepEqual(hidden, []);
  });

  it('writes no quote or backslash into any text', async () => {
    const textColumns = {
      users: ['first_name', 'last_name', 'username'],
      posts: ['caption', 'alt_text', 'image_url'],
      comments: ['text'],
      stories: ['text'],
    } as const;
    const texts: Array<string | null> = [];
    for (const [table, columns] of Object.entries(textColumns)) {
      // Any one of the tables: the casts keep Kysely from inferring a union of their rows.
      const rows = await t.db.kysely
        .selectFrom(table as 'stories')
        .select(columns as readonly ['text'])
        .execute();
      texts.push(...rows.flatMap((row) => Object.values(row) as Array<string | null>));
    }
    assert.equal(texts.filter((text) => /['"\\]/.test(text ?? '')).length, 0);
  });

  it('leaves the id sequences past the explicit ids, so new rows insert normally', async () => {
    const post = await t.db.kysely
      .insertInto('posts')
      .values({ image_url: '/media/seed/post-1.svg', pub_date: '2026-01-01 00:00:00', user_id: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.equal(post.id, USERS * POSTS_PER_USER + 1);
  });

  it('gives webdev a feed of their network through the API', async () => {
    const follows = await t.db.kysely
      .selectFrom('following')
      .select('following_id')
      .where('user_id', '=', 1)
      .execute();
    const network = new Set([1, ...follows.map((f) => f.following_id)]);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/posts?limit=50',
      headers: bearer(t.app, 1),
    });
    assert.equal(response.statusCode, 200);
    const feed = response.json() as Array<{ user: { id: number } }>;
    const visible = await t.db.kysely
      .selectFrom('posts')
      .select('id')
      .where('user_id', 'in', [...network])
      .execute();
    assert.ok(visible.length >= network.size * POSTS_PER_USER);
    assert.equal(feed.length, Math.min(50, visible.length));
    assert.ok(feed.every((post) => network.has(post.user.id)));
  });

  it('refuses a database that already has users and writes nothing', async () => {
    await assert.rejects(
      seedLarge(t.db, { users: 5 }),
      (error) => error instanceof SeedRefusedError && /already has \d+ users/.test(error.message),
    );
    assert.equal(await countRows(t, 'users'), USERS);
  });

  it('produces the same rows on every run', async () => {
    const other = await createTestDatabase();
    try {
      await seedLarge(other.db, {
        users: USERS,
        postsPerUser: POSTS_PER_USER,
        followsPerUser: FOLLOWS_PER_USER,
      });
      const fingerprint = async (kysely: typeof t.db.kysely) => ({
        following: await kysely.selectFrom('following').selectAll().orderBy('id').execute(),
        likes: await kysely
          .selectFrom('likes_posts')
          .select(['id', 'user_id', 'post_id'])
          .orderBy('id')
          .execute(),
        posts: await kysely
          .selectFrom('posts')
          .select(['id', 'caption', 'user_id'])
          .where('id', '<=', USERS * POSTS_PER_USER)
          .orderBy('id')
          .execute(),
      });
      assert.deepEqual(await fingerprint(other.db.kysely), await fingerprint(t.db.kysely));
    } finally {
      await other.db.close();
      await other.drop();
    }
  });
});

describe(`seedLarge options (${testDialect})`, () => {
  it('answers a clear RangeError for a bad user count and writes nothing', async () => {
    const other = await createTestDatabase();
    try {
      await assert.rejects(seedLarge(other.db, { users: 0 }), /users must be a whole number/);
      await assert.rejects(
        seedLarge(other.db, { users: 3, postsPerUser: 1.5 }),
        /postsPerUser must be a whole number/,
      );
      const count = await sql<{ n: number }>`select count(*) as n from users`.execute(
        other.db.kysely,
      );
      assert.equal(Number(count.rows[0]?.n), 0);
    } finally {
      await other.db.close();
      await other.drop();
    }
  });

  it('clamps follows to the other users when there are few', async () => {
    const other = await createTestDatabase();
    try {
      await seedLarge(other.db, { users: 3, postsPerUser: 1, followsPerUser: 20 });
      const follows = await other.db.kysely
        .selectFrom('following')
        .select(['user_id', 'following_id'])
        .execute();
      assert.equal(follows.length, 6);
    } finally {
      await other.db.close();
      await other.drop();
    }
  });
});

describe('pickDistinct', () => {
  it('returns distinct values inside the space, in roomy and tight spaces', () => {
    for (const [count, space] of [
      [5, 1000],
      [7, 8],
      [10, 4],
    ] as const) {
      const values = pickDistinct(1, 42, count, space);
      assert.equal(values.length, Math.min(count, space));
      assert.equal(new Set(values).size, values.length);
      assert.ok(values.every((v) => Number.isInteger(v) && v >= 0 && v < space));
    }
  });
});
