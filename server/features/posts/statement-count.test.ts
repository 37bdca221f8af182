// Every request runs a fixed number of SQL statements whatever the number
// of rows it returns, and (checked on SQLite, whose plans are deterministic on small
// data) no statement reads a whole table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompiledQuery } from 'kysely';
import {
  apiAs,
  bookmark,
  createPost,
  createStory,
  createUser,
  follow,
} from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';
import { toDbTime } from '../../db/portable';

let recording: string[] | null = null;
const statements = new Set<string>();
const t = useTestApp({
  onQuery: (sql) => {
    if (!recording) return;
    recording.push(sql);
    statements.add(sql);
  },
});

/** How many statements one request runs (the auth hook's user lookup included); records them for the plan check. */
async function countStatements(userId: number, url: string): Promise<number> {
  recording = [];
  const response = await apiAs(t.app, userId)('GET', url);
  const count = recording.length;
  recording = null;
  assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
  return count;
}

/** A viewer following `authors` users, with `posts` posts, each with `extras` likes and comments, all bookmarked. */
async function world(size: { posts: number; extras: number; stories: number }) {
  const viewer = await createUser(t.db);
  const friends = [];
  for (let i = 0; i < Math.max(1, size.extras); i++) {
    const friend = await createUser(t.db);
    await follow(t.db, viewer.id, friend.id);
    friends.push(friend);
  }
  const postIds: number[] = [];
  const now = toDbTime(new Date());
  for (let i = 0; i < size.posts; i++) {
    const post = await createPost(t.db, friends[i % friends.length]!.id, { hoursAgo: i });
    postIds.push(post.id);
    await bookmark(t.db, viewer.id, post.id);
    const likers = friends.slice(0, size.extras);
    if (likers.length > 0) {
      await t.db.kysely
        .insertInto('likes_posts')
        .values(likers.map((user) => ({ user_id: user.id, post_id: post.id, timestamp: now })))
        .execute();
      await t.db.kysely
        .insertInto('comments')
        .values(
          likers.map((user) => ({ user_id: user.id, post_id: post.id, text: 'c', pub_date: now })),
        )
        .execute();
    }
  }
  for (let i = 0; i < size.stories; i++)
    await createStory(t.db, friends[i % friends.length]!.id, 's', i);
  return { viewer, friend: friends[0]!, postIds };
}

describe(`statements per request (${testDialect})`, () => {
  it('is the same for two and for 50 posts, likes, comments, bookmarks and stories', async () => {
    // Two small posts, so that the page after the first one is not empty either.
    const small = await world({ posts: 2, extras: 1, stories: 1 });
    const large = await world({ posts: 50, extras: 12, stories: 50 });
    // Where posts are assembled, the exact count: the auth hook's user lookup, then the
    // posts in one statement with their authors, the viewer's bookmarks, their likes and
    // comments (with their authors); a cursor adds its lookup. A user's posts first
    // look up the user (and the cursor) in one statement.
    const urls = (w: typeof small): Array<[url: string, expected?: number]> => [
      ['/api/posts?limit=50', 2],
      [`/api/posts?limit=50&before=${w.postIds[0]}`, 3],
      [`/api/posts/${w.postIds[0]}`, 2],
      ['/api/bookmarks', 2],
      ['/api/stories', 2],
      ['/api/following'],
      ['/api/followers'],
      ['/api/suggestions'],
      ['/api/profile'],
      ['/api/users?search=user_'],
      [`/api/users/${w.friend.username}`],
      [`/api/users/${w.friend.id}/posts?limit=50`, 3],
      [`/api/users/${w.friend.username}/posts?limit=50&before=${w.postIds[0]}`, 3],
    ];
    const largeUrls = urls(large);
    for (const [index, [url, expected]] of urls(small).entries()) {
      const few = await countStatements(small.viewer.id, url);
      const many = await countStatements(large.viewer.id, largeUrls[index]![0]);
      assert.equal(many, few, `${url}: ${few} statements for small data, ${many} for large`);
      if (expected !== undefined) assert.equal(many, expected, `${url} runs ${many} statements`);
      // No endpoint runs more than 7, the auth lookup included (README, "Queries that scale").
      assert.ok(many <= 7, `${url} runs ${many} statements`);
    }
  });

  it('binds no LIMIT as a parameter (SQLite would compile the statement again on every run)', () => {
    assert.ok(statements.size > 10);
    const bound = [...statements].filter((statement) =>
      /\b(?:limit|offset)\s+(?:\?|\$\d+)/i.test(statement),
    );
    assert.deepEqual(bound, []);
  });

  // Query plans are read with SQLite's EXPLAIN QUERY PLAN; the statements are the same SQL on both.
  if (testDialect === 'sqlite')
    it('never scans a whole table (SQLite query plans)', async () => {
      assert.ok(statements.size > 10);
      for (const statement of statements) {
        if (!statement.trimStart().toLowerCase().startsWith('select')) continue;
        const parameters = Array<number>((statement.match(/\?/g) ?? []).length).fill(1);
        const plan = await t.db.kysely.executeQuery<{ detail: string }>(
          CompiledQuery.raw(`explain query plan ${statement}`, parameters),
        );
        const scans = plan.rows
          .map((row) => row.detail)
          .filter((detail) => /^SCAN \w+$/.test(detail));
        // Suggestions walk users in primary-key order and stop at the 7th match (LIMIT).
        const boundedWalk = / from "users" where .* order by "users"\."id" limit \d+/.test(
          statement,
        );
        if (!boundedWalk) assert.deepEqual(scans, [], statement);
      }
    });
});
