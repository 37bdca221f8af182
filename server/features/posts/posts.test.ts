import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toDbTime } from '../../db/portable';
import {
  bookmark,
  comment,
  createNetwork,
  createPost,
  keysOf as keys,
  like,
  POST_KEYS,
  USER_KEYS,
} from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';

const t = useTestApp();

/** A viewer who follows `friend`, and a `stranger` nobody follows; all fresh. */
const network = () => createNetwork(t.app, t.db);

describe(`GET /api/posts (${testDialect})`, () => {
  it('answers the network posts newest first, without posts of strangers', async () => {
    const { viewer, friend, stranger, as } = await network();
    const old = await createPost(t.db, viewer.id, { hoursAgo: 30 });
    const recent = await createPost(t.db, friend.id, { hoursAgo: 2 });
    const newest = await createPost(t.db, viewer.id, { hoursAgo: 0 });
    await createPost(t.db, stranger.id);
    const response = await as('GET', '/api/posts');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(
      response.json().map((post: { id: number }) => post.id),
      [newest.id, recent.id, old.id],
    );
  });

  it('answers the exact Post shape, with the viewer like and bookmark ids only when set', async () => {
    const { viewer, friend, as } = await network();
    const liked = await createPost(t.db, friend.id, { hoursAgo: 3, caption: null, alt_text: null });
    const plain = await createPost(t.db, friend.id, { hoursAgo: 5 });
    const myLike = await like(t.db, viewer.id, liked.id);
    const theirLike = await like(t.db, friend.id, liked.id);
    const myBookmark = await bookmark(t.db, viewer.id, liked.id);
    const first = await comment(t.db, friend.id, liked.id, 'first', 2);
    const second = await comment(t.db, viewer.id, liked.id, 'second', 1);
    const [a, b] = (await as('GET', '/api/posts')).json();
    assert.deepEqual(
      keys(a),
      [...POST_KEYS, 'current_user_bookmark_id', 'current_user_like_id'].sort(),
    );
    assert.equal(a.id, liked.id);
    assert.equal(a.caption, null);
    assert.equal(a.alt_text, null);
    assert.equal(a.display_time, '3 hours ago');
    assert.equal(a.current_user_like_id, myLike.id);
    assert.equal(a.current_user_bookmark_id, myBookmark.id);
    assert.deepEqual(keys(a.user), USER_KEYS);
    assert.equal(a.user.id, friend.id);
    assert.deepEqual(a.likes, [
      { id: myLike.id, user_id: viewer.id, post_id: liked.id },
      { id: theirLike.id, user_id: friend.id, post_id: liked.id },
    ]);
    assert.deepEqual(
      a.comments.map((c: { id: number; text: string }) => [c.id, c.text]),
      [
        [first.id, 'first'],
        [second.id, 'second'],
      ],
    );
    assert.deepEqual(keys(a.comments[0]), ['display_time', 'id', 'post_id', 'text', 'user']);
    assert.equal(a.comments[0].display_time, '2 hours ago');
    assert.deepEqual(keys(a.comments[0].user), USER_KEYS);
    assert.equal(a.comments[1].user.id, viewer.id);
    assert.deepEqual(keys(b), POST_KEYS);
    assert.equal(b.id, plain.id);
    assert.deepEqual([b.likes, b.comments], [[], []]);
  });

  it('answers with and without a trailing slash', async () => {
    const { viewer, as } = await network();
    const post = await createPost(t.db, viewer.id);
    for (const url of ['/api/posts', '/api/posts/']) {
      const response = await as('GET', url);
      assert.equal(response.statusCode, 200, url);
      assert.deepEqual(
        response.json().map((p: { id: number }) => p.id),
        [post.id],
      );
    }
  });

  it('returns at most `limit` posts, 20 by default', async () => {
    const { viewer, as } = await network();
    for (let i = 0; i < 22; i++) await createPost(t.db, viewer.id, { hoursAgo: i });
    assert.equal((await as('GET', '/api/posts')).json().length, 20);
    assert.equal((await as('GET', '/api/posts?limit=3')).json().length, 3);
    assert.equal((await as('GET', '/api/posts?limit=50')).json().length, 22);
  });

  it('answers 400 with a clear message for a limit that is not an integer from 1 to 50', async () => {
    const { as } = await network();
    for (const limit of ['0', '51', 'abc', '1.5', '-1', '']) {
      const response = await as('GET', `/api/posts?limit=${limit}`);
      assert.equal(response.statusCode, 400, `limit=${limit}`);
      assert.deepEqual(response.json(), {
        message: 'Invalid query parameter "limit": must be an integer from 1 to 50.',
      });
    }
  });

  it('pages with ?before=<post id> in the same order, without gaps or repeats, ties included', async () => {
    const { viewer, friend, as } = await network();
    const sameTime = toDbTime(new Date(Date.now() - 3_600_000));
    const created = [];
    for (let i = 0; i < 4; i++)
      created.push(await createPost(t.db, friend.id, { pub_date: sameTime }));
    for (let i = 0; i < 3; i++)
      created.push(await createPost(t.db, viewer.id, { hoursAgo: 5 + i }));
    const all = (await as('GET', '/api/posts?limit=50')).json().map((p: { id: number }) => p.id);
    assert.equal(all.length, 7);
    const paged: number[] = [];
    let cursor = '';
    for (;;) {
      const page = (await as('GET', `/api/posts?limit=3${cursor}`)).json() as Array<{ id: number }>;
      if (page.length === 0) break;
      paged.push(...page.map((p) => p.id));
      cursor = `&before=${page.at(-1)?.id}`;
    }
    assert.deepEqual(paged, all);
  });

  it('answers 400 when the cursor post is absent or not visible', async () => {
    const { stranger, as } = await network();
    const hidden = await createPost(t.db, stranger.id);
    for (const before of [String(hidden.id), '2147483000']) {
      const response = await as('GET', `/api/posts?before=${before}`);
      assert.equal(response.statusCode, 400);
      assert.match(
        response.json().message,
        /^Invalid query parameter "before": post \d+ is not in your feed/,
      );
    }
    const bad = await as('GET', '/api/posts?before=abc');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().message, /"before"/);
  });

  it('reads posts, likes and comments another program inserted with explicit ids', async () => {
    const { viewer, friend, as } = await network();
    const id = 900_000 + Math.floor(Math.random() * 90_000);
    const now = toDbTime(new Date());
    await t.db.kysely
      .insertInto('posts')
      .values({
        id,
        image_url: '/x.jpg',
        caption: 'outside',
        alt_text: null,
        pub_date: now,
        user_id: friend.id,
      })
      .execute();
    await t.db.kysely
      .insertInto('likes_posts')
      .values({ id, user_id: viewer.id, post_id: id, timestamp: now })
      .execute();
    await t.db.kysely
      .insertInto('comments')
      .values({ id, text: 'from SQL', pub_date: now, user_id: friend.id, post_id: id })
      .execute();
    const feed = (await as('GET', '/api/posts')).json();
    const post = feed.find((p: { id: number }) => p.id === id);
    assert.equal(post.caption, 'outside');
    assert.equal(post.current_user_like_id, id);
    assert.deepEqual(
      post.comments.map((c: { id: number }) => c.id),
      [id],
    );
    assert.equal((await as('GET', `/api/posts/${id}`)).json().id, id);
  });

  it('answers 401 without a token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/posts' });
    assert.equal(response.statusCode, 401);
    assert.equal(typeof response.json().message, 'string');
  });
});

describe(`GET /api/posts/:id (${testDialect})`, () => {
  it('answers an own post and a post of someone followed', async () => {
    const { viewer, friend, as } = await network();
    for (const post of [await createPost(t.db, viewer.id), await createPost(t.db, friend.id)]) {
      const response = await as('GET', `/api/posts/${post.id}/`);
      assert.equal(response.statusCode, 200);
      assert.deepEqual(keys(response.json()), POST_KEYS);
      assert.equal(response.json().id, post.id);
    }
  });

  it('answers a hidden post exactly like an absent one (404)', async () => {
    const { stranger, as } = await network();
    const hidden = await createPost(t.db, stranger.id);
    const absentId = hidden.id + 100_000;
    const h = await as('GET', `/api/posts/${hidden.id}`);
    const a = await as('GET', `/api/posts/${absentId}`);
    assert.deepEqual([h.statusCode, a.statusCode], [404, 404]);
    assert.deepEqual(h.json(), { message: `Post ${hidden.id} not found.` });
    assert.deepEqual(a.json(), { message: `Post ${absentId} not found.` });
  });

  it('answers 404 for an id that is not a positive integer', async () => {
    const { as } = await network();
    for (const id of ['abc', '0', '-1', '1.5', '99999999999']) {
      const response = await as('GET', `/api/posts/${id}`);
      assert.equal(response.statusCode, 404, id);
      assert.match(response.json().message, /ids in the path are positive integers/);
    }
  });
});
