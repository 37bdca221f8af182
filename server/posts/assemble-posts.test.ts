// Assembly when an author row is gone: another program may delete a user without the
// cascade (SQLite with foreign keys off, PostgreSQL with its triggers off). Their
// posts and comments are left out, as if deleted with them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bookmark,
  comment,
  createNetwork,
  createPost,
  createUser,
  deleteUserWithoutCascade,
  follow,
} from '../../test/fixtures';
import { testDialect, useTestApp } from '../../test/helpers';

const t = useTestApp();

describe(`posts whose author row is gone (${testDialect})`, () => {
  it('leaves out their posts and comments in the feed, a post and the bookmarks', async () => {
    const { viewer, friend, as } = await createNetwork(t.app, t.db);
    const gone = await createUser(t.db);
    await follow(t.db, viewer.id, gone.id);
    const kept = await createPost(t.db, friend.id, { hoursAgo: 1 });
    const orphan = await createPost(t.db, gone.id);
    const keptComment = await comment(t.db, viewer.id, kept.id, 'kept', 1);
    await comment(t.db, gone.id, kept.id, 'orphan');
    await bookmark(t.db, viewer.id, kept.id);
    await bookmark(t.db, viewer.id, orphan.id);
    await deleteUserWithoutCascade(t.db, gone.id);

    const feed = (await as('GET', '/api/posts')).json();
    assert.deepEqual(
      feed.map((post: { id: number }) => post.id),
      [kept.id],
    );
    assert.deepEqual(
      feed[0].comments.map((c: { id: number }) => c.id),
      [keptComment.id],
    );
    const one = await as('GET', `/api/posts/${kept.id}`);
    assert.deepEqual(one.json(), feed[0]);
    assert.equal((await as('GET', `/api/posts/${orphan.id}`)).statusCode, 404);
    const bookmarks = (await as('GET', '/api/bookmarks')).json();
    assert.deepEqual(
      bookmarks.map((b: { post: { id: number } }) => b.post.id),
      [kept.id],
    );
  });
});
