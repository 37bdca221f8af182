import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { apiAs } from '../../../test/fixtures';
import { assertAnswer, createPost, createUser, like, networkAndRows } from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';
import { HttpError } from '../../errors';
import { insertOnce } from '../../db/insert-once';
import { insertLike } from './likes.queries';

const t = useTestApp();

const { network, rowsOf: likesOf } = networkAndRows(t, 'likes_posts');

/** The three ways to like a post: the current path and the two older course paths. */
const likeWays = [
  {
    name: 'POST /api/likes',
    send: (as: ReturnType<typeof apiAs>, postId: number | string) =>
      as('POST', '/api/likes', { post_id: postId }),
  },
  {
    name: 'POST /api/posts/:post_id/likes',
    send: (as: ReturnType<typeof apiAs>, postId: number | string) =>
      as('POST', `/api/posts/${postId}/likes`),
  },
  {
    name: 'POST /api/posts/likes',
    send: (as: ReturnType<typeof apiAs>, postId: number | string) =>
      as('POST', '/api/posts/likes/', { post_id: postId }),
  },
];

for (const way of likeWays) {
  describe(`${way.name} (${testDialect})`, () => {
    it('likes an own post and a post of someone followed: 201 Like', async () => {
      const { viewer, friend, as } = await network();
      for (const post of [await createPost(t.db, viewer.id), await createPost(t.db, friend.id)]) {
        const response = await way.send(as, post.id);
        assert.equal(response.statusCode, 201);
        const [row] = (await likesOf(viewer.id)).filter((l) => l.post_id === post.id);
        assert.deepEqual(response.json(), { id: row?.id, user_id: viewer.id, post_id: post.id });
      }
    });

    it('answers 400 when the post is already liked', async () => {
      const { viewer, friend, as } = await network();
      const post = await createPost(t.db, friend.id);
      await like(t.db, viewer.id, post.id);
      const response = await way.send(as, post.id);
      assertAnswer(response, 400, { message: `You already like post ${post.id}.` });
    });

    it('answers 404 for a hidden post and an absent one', async () => {
      const { viewer, stranger, as } = await network();
      const hidden = await createPost(t.db, stranger.id);
      for (const id of [hidden.id, hidden.id + 100_000]) {
        const response = await way.send(as, id);
        assertAnswer(response, 404, { message: `Post ${id} not found.` });
      }
      assert.deepEqual(await likesOf(viewer.id), []);
    });

    it('gives one 201 and one 400 for two simultaneous identical likes', async () => {
      const { viewer, friend, as } = await network();
      const post = await createPost(t.db, friend.id);
      const answers = await Promise.all([way.send(as, post.id), way.send(as, post.id)]);
      assert.deepEqual(answers.map((r) => r.statusCode).sort(), [201, 400]);
      assert.equal((await likesOf(viewer.id)).length, 1);
    });
  });
}

describe(`POST /api/likes body ids (${testDialect})`, () => {
  it('accepts an integer string id', async () => {
    const { friend, as } = await network();
    const post = await createPost(t.db, friend.id);
    const response = await as('POST', '/api/likes', { post_id: String(post.id) });
    assert.equal(response.statusCode, 201);
    assert.equal(response.json().post_id, post.id);
  });

  it('answers 400 naming post_id when it is missing or not an integer id', async () => {
    const { as } = await network();
    const missing = await as('POST', '/api/likes', {});
    assertAnswer(missing, 400, { message: 'Missing field "post_id".' });
    for (const post_id of ['abc', 1.5, null, true, '-3', '0x35', [1]]) {
      const response = await as('POST', '/api/likes', { post_id });
      assert.equal(response.statusCode, 400, JSON.stringify(post_id));
      assert.match(
        response.json().message,
        /^Invalid field "post_id": must be a positive integer id/,
      );
    }
    const empty = await as('POST', '/api/likes');
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json().message, /must be a JSON object/);
  });

  it('answers 404 for an integer post_id outside 1-2147483647 (API.md §4: it names no row)', async () => {
    const { as } = await network();
    for (const post_id of [0, -3, 2147483648, '2147483648'])
      assertAnswer(await as('POST', '/api/likes', { post_id }), 404, {
        message: `Post ${post_id} not found.`,
      });
  });

  it('answers 404 for a non-numeric post id in the alias path', async () => {
    const { as } = await network();
    assert.equal((await as('POST', '/api/posts/abc/likes')).statusCode, 404);
  });
});

describe(`insertOnce around insertLike (${testDialect})`, () => {
  it('turns a unique violation into 400 and a vanished post into 404', async () => {
    const user = await createUser(t.db);
    const post = await createPost(t.db, user.id);
    const messages = { duplicate: 'dup', missing: 'gone' };
    await insertOnce({ insert: () => insertLike(t.db.kysely, user.id, post.id), ...messages });
    await assert.rejects(
      insertOnce({ insert: () => insertLike(t.db.kysely, user.id, post.id), ...messages }),
      (error: unknown) => {
        return error instanceof HttpError && error.statusCode === 400 && error.message === 'dup';
      },
    );
    await assert.rejects(
      insertOnce({
        insert: () => insertLike(t.db.kysely, user.id, post.id + 100_000),
        ...messages,
      }),
      (error: unknown) => {
        return error instanceof HttpError && error.statusCode === 404 && error.message === 'gone';
      },
    );
  });
});

const unlikeWays = [
  { name: 'DELETE /api/likes/:id', url: (postId: number, id: number) => `/api/likes/${id}` },
  {
    name: 'DELETE /api/posts/:post_id/likes/:id',
    url: (postId: number, id: number) => `/api/posts/${postId}/likes/${id}`,
  },
  {
    name: 'DELETE /api/posts/likes/:id',
    url: (postId: number, id: number) => `/api/posts/likes/${id}/`,
  },
];

for (const way of unlikeWays) {
  describe(`${way.name} (${testDialect})`, () => {
    it("removes the current user's like: 200 Message", async () => {
      const { viewer, friend, as } = await network();
      const post = await createPost(t.db, friend.id);
      const mine = await like(t.db, viewer.id, post.id);
      const response = await as('DELETE', way.url(post.id, mine.id));
      assertAnswer(response, 200, { message: `Like ${mine.id} deleted.` });
      assert.deepEqual(await likesOf(viewer.id), []);
    });

    it("answers 404 for someone else's like and an absent one, deleting nothing", async () => {
      const { friend, as } = await network();
      const post = await createPost(t.db, friend.id);
      const theirs = await like(t.db, friend.id, post.id);
      for (const id of [theirs.id, theirs.id + 100_000]) {
        const response = await as('DELETE', way.url(post.id, id));
        assertAnswer(response, 404, { message: `Like ${id} not found.` });
      }
      assert.equal((await likesOf(friend.id)).length, 1);
    });
  });
}

describe(`DELETE /api/posts/:post_id/likes/:id (${testDialect})`, () => {
  it('answers 404 when the like belongs to another post', async () => {
    const { viewer, as } = await network();
    const post = await createPost(t.db, viewer.id);
    const other = await createPost(t.db, viewer.id);
    const mine = await like(t.db, viewer.id, post.id);
    assert.equal((await as('DELETE', `/api/posts/${other.id}/likes/${mine.id}`)).statusCode, 404);
    assert.equal((await likesOf(viewer.id)).length, 1);
  });
});
