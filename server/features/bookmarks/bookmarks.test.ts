import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertAnswer,
  assertCreatedOnce,
  bookmark,
  comment,
  createPost,
  keysOf as keys,
  like,
  listAt,
  networkAndRows,
  POST_KEYS,
  USER_KEYS,
} from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';

/** A post inside a Bookmark: no comments, and always the bookmark's id. */
const BOOKMARKED_POST_KEYS = [
  ...POST_KEYS.filter((key) => key !== 'comments'),
  'current_user_bookmark_id',
].sort();

const t = useTestApp();

const { network, rowsOf: bookmarksOf } = networkAndRows(t, 'bookmarks');

describe(`GET /api/bookmarks (${testDialect})`, () => {
  it("answers the current user's bookmarks, oldest first, posts without comments", async () => {
    const { viewer, friend, as } = await network();
    const first = await createPost(t.db, friend.id, { hoursAgo: 26 });
    const second = await createPost(t.db, viewer.id);
    await comment(t.db, friend.id, first.id);
    const liked = await like(t.db, viewer.id, first.id);
    const b1 = await bookmark(t.db, viewer.id, first.id);
    const b2 = await bookmark(t.db, viewer.id, second.id);
    await bookmark(t.db, friend.id, first.id);
    const list = await listAt(as, '/api/bookmarks');
    assert.deepEqual(
      list.map((b: { id: number; post: { id: number } }) => [b.id, b.post.id]),
      [
        [b1.id, first.id],
        [b2.id, second.id],
      ],
    );
    assert.deepEqual(keys(list[0]), ['id', 'post']);
    assert.deepEqual(keys(list[0].post), [...BOOKMARKED_POST_KEYS, 'current_user_like_id'].sort());
    assert.equal(list[0].post.current_user_like_id, liked.id);
    assert.equal(list[0].post.current_user_bookmark_id, b1.id);
    assert.equal(list[0].post.display_time, '1 day ago');
    assert.deepEqual(keys(list[0].post.user), USER_KEYS);
    assert.deepEqual(keys(list[1].post), BOOKMARKED_POST_KEYS);
  });

  it('answers [] for a user without bookmarks', async () => {
    const { as } = await network();
    assert.deepEqual((await as('GET', '/api/bookmarks')).json(), []);
  });
});

describe(`POST /api/bookmarks (${testDialect})`, () => {
  it('bookmarks a post of someone followed: 201 Bookmark', async () => {
    const { viewer, friend, as } = await network();
    const post = await createPost(t.db, friend.id);
    const response = await as('POST', '/api/bookmarks', { post_id: String(post.id) });
    assert.equal(response.statusCode, 201);
    const [row] = await bookmarksOf(viewer.id);
    const body = response.json();
    assert.equal(body.id, row?.id);
    assert.deepEqual(keys(body), ['id', 'post']);
    assert.deepEqual(keys(body.post), BOOKMARKED_POST_KEYS);
    assert.equal(body.post.id, post.id);
    assert.equal(body.post.current_user_bookmark_id, row?.id);
  });

  it('answers 400 when already bookmarked, and one 201 and one 400 for two simultaneous requests', async () => {
    const { viewer, friend, as } = await network();
    const post = await createPost(t.db, friend.id);
    const message = `You already bookmarked post ${post.id}.`;
    await assertCreatedOnce(as, '/api/bookmarks', { post_id: post.id }, message, () =>
      bookmarksOf(viewer.id),
    );
  });

  it('answers 404 for a hidden post and an absent one', async () => {
    const { viewer, stranger, as } = await network();
    const hidden = await createPost(t.db, stranger.id);
    for (const id of [hidden.id, hidden.id + 100_000]) {
      const response = await as('POST', '/api/bookmarks', { post_id: id });
      assertAnswer(response, 404, { message: `Post ${id} not found.` });
    }
    assert.deepEqual(await bookmarksOf(viewer.id), []);
  });

  it('answers 400 naming post_id when it is missing or not an integer id', async () => {
    const { as } = await network();
    const missing = await as('POST', '/api/bookmarks', {});
    assertAnswer(missing, 400, { message: 'Missing field "post_id".' });
    for (const post_id of ['abc', 1.5, null, true]) {
      const response = await as('POST', '/api/bookmarks', { post_id });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().message, /^Invalid field "post_id"/);
    }
  });
});

describe(`DELETE /api/bookmarks/:id (${testDialect})`, () => {
  it("removes the current user's bookmark: 200 Message", async () => {
    const { viewer, friend, as } = await network();
    const mine = await bookmark(t.db, viewer.id, (await createPost(t.db, friend.id)).id);
    const response = await as('DELETE', `/api/bookmarks/${mine.id}/`);
    assertAnswer(response, 200, { message: `Bookmark ${mine.id} deleted.` });
    assert.deepEqual(await bookmarksOf(viewer.id), []);
  });

  it("answers 404 for someone else's bookmark, an absent one and a non-numeric id", async () => {
    const { friend, as } = await network();
    const theirs = await bookmark(t.db, friend.id, (await createPost(t.db, friend.id)).id);
    for (const id of [theirs.id, theirs.id + 100_000]) {
      const response = await as('DELETE', `/api/bookmarks/${id}`);
      assertAnswer(response, 404, { message: `Bookmark ${id} not found.` });
    }
    assert.equal((await as('DELETE', '/api/bookmarks/abc')).statusCode, 404);
    assert.equal((await bookmarksOf(friend.id)).length, 1);
  });
});
