import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIMITS } from '../../../contract';
import {
  assertAnswer,
  comment,
  createPost,
  networkAndRows,
  USER_KEYS,
} from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';

const t = useTestApp();

const { network, rowsOf: commentsOf } = networkAndRows(t, 'comments');

describe(`POST /api/comments (${testDialect})`, () => {
  it('comments on a post of someone followed: 201 Comment', async () => {
    const { viewer, friend, as } = await network();
    const post = await createPost(t.db, friend.id);
    const response = await as('POST', '/api/comments/', {
      post_id: String(post.id),
      text: 'Nice!',
    });
    assert.equal(response.statusCode, 201);
    const [row] = await commentsOf(viewer.id);
    const body = response.json();
    assert.deepEqual(Object.keys(body).sort(), ['display_time', 'id', 'post_id', 'text', 'user']);
    assert.deepEqual(
      { ...body, user: body.user.id },
      { id: row?.id, text: 'Nice!', post_id: post.id, display_time: 'Just now', user: viewer.id },
    );
    assert.deepEqual(Object.keys(body.user).sort(), USER_KEYS);
  });

  it('answers 404 for a hidden post and an absent one', async () => {
    const { viewer, stranger, as } = await network();
    const hidden = await createPost(t.db, stranger.id);
    for (const id of [hidden.id, hidden.id + 100_000]) {
      const response = await as('POST', '/api/comments', { post_id: id, text: 'hi' });
      assertAnswer(response, 404, { message: `Post ${id} not found.` });
    }
    assert.deepEqual(await commentsOf(viewer.id), []);
  });

  it('answers 400 for a bad or missing post_id and a missing, empty or too long text', async () => {
    const { viewer, as } = await network();
    const post = await createPost(t.db, viewer.id);
    const cases: Array<[object, string | RegExp]> = [
      [{ text: 'hi' }, 'Missing field "post_id".'],
      [{ post_id: 'abc', text: 'hi' }, /^Invalid field "post_id"/],
      [{ post_id: null, text: 'hi' }, /^Invalid field "post_id"/],
      [{ post_id: post.id }, 'Missing field "text".'],
      [{ post_id: post.id, text: '' }, 'Invalid field "text": must not be empty.'],
      [{ post_id: post.id, text: 7 }, 'Invalid field "text": must be a string.'],
      [
        { post_id: post.id, text: 'x'.repeat(LIMITS.commentText + 1) },
        `Invalid field "text": must be at most ${LIMITS.commentText} characters long.`,
      ],
    ];
    for (const [payload, message] of cases) {
      const response = await as('POST', '/api/comments', payload);
      assert.equal(response.statusCode, 400);
      if (typeof message === 'string') assert.equal(response.json().message, message);
      else assert.match(response.json().message, message);
    }
    assert.deepEqual(await commentsOf(viewer.id), []);
  });
});

describe(`DELETE /api/comments/:id (${testDialect})`, () => {
  it('deletes a comment the current user wrote, even on a post of someone else', async () => {
    const { viewer, friend, as } = await network();
    const mine = await comment(t.db, viewer.id, (await createPost(t.db, friend.id)).id);
    const response = await as('DELETE', `/api/comments/${mine.id}`);
    assertAnswer(response, 200, { message: `Comment ${mine.id} deleted.` });
    assert.deepEqual(await commentsOf(viewer.id), []);
  });

  it('answers 404 for a comment by someone else (even on an own post) and an absent one', async () => {
    const { viewer, friend, as } = await network();
    const theirs = await comment(t.db, friend.id, (await createPost(t.db, viewer.id)).id);
    for (const id of [theirs.id, theirs.id + 100_000]) {
      const response = await as('DELETE', `/api/comments/${id}/`);
      assertAnswer(response, 404, { message: `Comment ${id} not found.` });
    }
    assert.equal((await as('DELETE', '/api/comments/abc')).statusCode, 404);
    assert.equal((await commentsOf(friend.id)).length, 1);
  });
});
