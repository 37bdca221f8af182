import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import {
  apiAs,
  assertAnswer,
  createNetwork,
  createPost,
  createUser,
  follow,
  keysOf,
  POST_KEYS,
  USER_KEYS,
} from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';
import { toDbBoolean } from '../../db/portable';
import type { User } from '../../../contract';
import { searchUsersQuery } from './users.queries';

/** A word no other test's user starts with, so searches see only this test's users. */
const fresh = () => `q${randomBytes(4).toString('hex')}`;

describe(`GET /api/users?search= (${testDialect})`, () => {
  const t = useTestApp();

  it('matches the start of the username, first or last name ignoring case, ordered by username', async () => {
    const word = fresh();
    const viewer = await createUser(t.db);
    const byUsername = await createUser(t.db, { username: `${word}_b` });
    const byFirst = await createUser(t.db, {
      username: `c_${word}`,
      first_name: `${word.toUpperCase()}x`,
    });
    const byLast = await createUser(t.db, { username: `a_${word}`, last_name: `${word}son` });
    await createUser(t.db, { username: `d_${word}`, first_name: `x${word}` }); // inside, not a start
    await createUser(t.db, {
      username: `${word}_disabled`,
      is_disabled: toDbBoolean(t.db.dialect, true) as boolean,
    });
    const response = await apiAs(t.app, viewer.id)(
      'GET',
      `/api/users?search=${word.toUpperCase()}`,
    );
    assert.equal(response.statusCode, 200);
    const users = response.json() as Array<{ username: string }>;
    assert.deepEqual(
      users.map((user) => user.username),
      [byLast, byFirst, byUsername].map((user) => user.username).sort(),
    );
    assert.deepEqual(keysOf(users[0]!), USER_KEYS);
  });

  it('honours limit and treats LIKE wildcards as plain characters', async () => {
    const word = fresh();
    const viewer = await createUser(t.db);
    for (const suffix of ['a', 'b', 'c']) await createUser(t.db, { username: `${word}${suffix}` });
    const as = apiAs(t.app, viewer.id);
    const two = await as('GET', `/api/users?search=${word}&limit=2`);
    assert.deepEqual(
      (two.json() as Array<{ username: string }>).map((user) => user.username),
      [`${word}a`, `${word}b`],
    );
    assertAnswer(await as('GET', `/api/users?search=${word.slice(0, 3)}%25zz`), 200, []);
    assertAnswer(await as('GET', `/api/users?search=_${word}`), 200, []);
  });

  it('ignores the case of every script alike: ÉLODIE finds élodie, σοφία finds ΣΟΦΊΑ, accents still count', async () => {
    const tag = randomBytes(4).toString('hex');
    const viewer = await createUser(t.db);
    const elodie = await createUser(t.db, { username: `élodie${tag}` });
    const emile = await createUser(t.db, { username: `e_${tag}`, first_name: `ÉMILE${tag}` });
    const sofia = await createUser(t.db, { username: `s_${tag}`, last_name: `ΣΟΦΊΑ${tag}` });
    await createUser(t.db, { username: `elodie${tag}` }); // no accent: another name
    const as = apiAs(t.app, viewer.id);
    const found = async (search: string) =>
      ((await as('GET', `/api/users?search=${encodeURIComponent(search)}`)).json() as User[]).map(
        (user) => user.username,
      );
    assert.deepEqual(await found(`ÉLODIE${tag.toUpperCase()}`), [elodie.username]);
    assert.deepEqual(await found(`élodie${tag}`), [elodie.username]);
    assert.deepEqual(await found(`émile${tag}`), [emile.username]);
    assert.deepEqual(await found(`Émile${tag}`), [emile.username]);
    assert.deepEqual(await found(`σοφία${tag}`), [sofia.username]);
    assert.deepEqual(await found(`σοφια${tag}`), []); // ί is not ι
    assert.deepEqual(await found(`Elodie${tag}`), [`elodie${tag}`]);
  });

  it('searches through the lower(...) indexes of migration 007', async () => {
    for (const search of ['webdev', 'ÉLODIE', 'kate']) {
      const compiled = searchUsersQuery(t.db.kysely, t.db.dialect, search, 20).compile();
      const plan = await t.db.kysely.transaction().execute(async (trx) => {
        if (t.db.dialect === 'postgres') {
          // A test table is small enough for a sequential scan: ask whether the index can serve.
          await sql`set local enable_seqscan = off`.execute(trx);
        }
        const explain = t.db.dialect === 'postgres' ? 'explain' : 'explain query plan';
        const result = await trx.executeQuery<Record<string, unknown>>(
          CompiledQuery.raw(`${explain} ${compiled.sql}`, [...compiled.parameters]),
        );
        return result.rows.map((row) => Object.values(row).join(' ')).join('\n');
      });
      for (const column of ['username', 'first_name', 'last_name']) {
        assert.match(plan, new RegExp(`ix_users_lower_${column}`), `${search}:\n${plan}`);
      }
    }
  });

  it('answers 400 for a missing, empty, too long or NUL search and a bad limit', async () => {
    const as = apiAs(t.app, (await createUser(t.db)).id);
    for (const query of [
      '',
      '?search=',
      `?search=${'a'.repeat(51)}`,
      '?search=a%00b',
      '?search=a&limit=0',
      '?search=a&limit=51',
      '?search=a&limit=1e1',
    ]) {
      const response = await as('GET', `/api/users${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.equal(typeof response.json().message, 'string', query);
    }
    assert.equal((await as('GET', `/api/users?search=${'a'.repeat(50)}`)).statusCode, 200);
  });

  it('requires a token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/users?search=a' });
    assert.equal(response.statusCode, 401);
  });
});

describe(`GET /api/users/<username or id> (${testDialect})`, () => {
  const t = useTestApp();

  it('answers the profile with counts, and following_id only when the viewer follows them', async () => {
    const { viewer, friend, stranger, as } = await createNetwork(t.app, t.db);
    await createPost(t.db, friend.id);
    await createPost(t.db, friend.id);
    await follow(t.db, friend.id, stranger.id);
    await follow(t.db, friend.id, friend.id); // following yourself counts for nothing
    const followRow = await t.db.kysely
      .selectFrom('following')
      .select('id')
      .where('user_id', '=', viewer.id)
      .where('following_id', '=', friend.id)
      .executeTakeFirstOrThrow();
    for (const segment of [friend.username, String(friend.id)]) {
      const response = await as('GET', `/api/users/${segment}`);
      assert.equal(response.statusCode, 200, segment);
      const profile = response.json();
      assert.equal(profile.username, friend.username);
      assert.deepEqual(
        [
          profile.posts_count,
          profile.followers_count,
          profile.following_count,
          profile.following_id,
        ],
        [2, 1, 1, followRow.id],
      );
      assert.equal('password_hash' in profile, false);
    }
    const other = (await as('GET', `/api/users/${stranger.username}/`)).json();
    assert.deepEqual(
      keysOf(other),
      [...USER_KEYS, 'followers_count', 'following_count', 'posts_count'].sort(),
    );
    assert.equal(other.followers_count, 1);
  });

  it('answers 404 for absent, disabled and malformed users', async () => {
    const { as } = await createNetwork(t.app, t.db);
    const disabled = await createUser(t.db, {
      is_disabled: toDbBoolean(t.db.dialect, true) as boolean,
    });
    for (const segment of [
      'nobody_here_at_all',
      disabled.username,
      String(disabled.id),
      '0',
      '053',
      '2147483648',
      '99999999999999999999',
    ]) {
      const response = await as('GET', `/api/users/${segment}`);
      assert.equal(response.statusCode, 404, segment);
      assert.equal(typeof response.json().message, 'string');
    }
  });
});

describe(`GET /api/users/<username or id>/posts (${testDialect})`, () => {
  const t = useTestApp();

  it("pages through a followed user's posts, newest first, like the feed", async () => {
    const { friend, as } = await createNetwork(t.app, t.db);
    const posts = [];
    for (let hours = 0; hours < 5; hours++)
      posts.push(await createPost(t.db, friend.id, { hoursAgo: hours }));
    const first = await as('GET', `/api/users/${friend.username}/posts?limit=2`);
    assert.equal(first.statusCode, 200);
    const firstPage = first.json() as Array<{ id: number }>;
    assert.deepEqual(
      firstPage.map((post) => post.id),
      [posts[0]!.id, posts[1]!.id],
    );
    assert.deepEqual(keysOf(firstPage[0]!), POST_KEYS);
    const next = await as('GET', `/api/users/${friend.id}/posts?limit=10&before=${posts[1]!.id}`);
    assert.deepEqual(
      (next.json() as Array<{ id: number }>).map((post) => post.id),
      posts.slice(2).map((post) => post.id),
    );
  });

  it("shows each post as the feed does, with the viewer's like and bookmark (not the owner's)", async () => {
    const { friend, as } = await createNetwork(t.app, t.db);
    const liked = await createPost(t.db, friend.id, { hoursAgo: 1 });
    const plain = await createPost(t.db, friend.id, { hoursAgo: 2 });
    const viewerLike = (await as('POST', '/api/posts/likes', { post_id: liked.id })).json();
    const viewerBookmark = (await as('POST', '/api/bookmarks', { post_id: liked.id })).json();
    await as('POST', '/api/comments', { post_id: liked.id, text: 'nice' });
    // The owner's own marks on the other post are not the viewer's.
    const owner = apiAs(t.app, friend.id);
    await owner('POST', '/api/posts/likes', { post_id: plain.id });
    await owner('POST', '/api/bookmarks', { post_id: plain.id });
    const posts = (await as('GET', `/api/users/${friend.username}/posts`)).json();
    assert.equal(posts[0].current_user_like_id, viewerLike.id);
    assert.equal(posts[0].current_user_bookmark_id, viewerBookmark.id);
    assert.equal(posts[1].current_user_like_id, undefined);
    assert.equal(posts[1].current_user_bookmark_id, undefined);
    for (const post of posts) {
      assert.deepEqual(post, (await as('GET', `/api/posts/${post.id}`)).json());
    }
  });

  it("shows the viewer's own posts", async () => {
    const { viewer, as } = await createNetwork(t.app, t.db);
    const post = await createPost(t.db, viewer.id);
    const response = await as('GET', `/api/users/${viewer.username}/posts`);
    assert.deepEqual(
      (response.json() as Array<{ id: number }>).map((p) => p.id),
      [post.id],
    );
  });

  it('answers 404 outside the network or for a disabled user, 400 for a foreign cursor or bad limit', async () => {
    const { friend, stranger, as } = await createNetwork(t.app, t.db);
    const strangerPost = await createPost(t.db, stranger.id);
    await createPost(t.db, friend.id);
    assert.equal((await as('GET', `/api/users/${stranger.username}/posts`)).statusCode, 404);
    assert.equal((await as('GET', `/api/users/${stranger.id}/posts`)).statusCode, 404);
    assert.equal((await as('GET', '/api/users/0/posts')).statusCode, 404);
    const response = await as(
      'GET',
      `/api/users/${friend.username}/posts?before=${strangerPost.id}`,
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.json().message, /before/);
    for (const query of ['limit=0', 'limit=51', 'limit=05', 'before=abc', 'before=0'])
      assert.equal(
        (await as('GET', `/api/users/${friend.username}/posts?${query}`)).statusCode,
        400,
        query,
      );
    await t.db.kysely
      .updateTable('users')
      .set({ is_disabled: toDbBoolean(t.db.dialect, true) as boolean })
      .where('id', '=', friend.id)
      .execute();
    assert.equal((await as('GET', `/api/users/${friend.username}/posts`)).statusCode, 404);
  });
});
