import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiAs,
  assertAnswer,
  assertCreatedOnce,
  assertFollowList,
  createUser,
  follow,
  listAt,
  rowsOwnedBy,
} from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';

const t = useTestApp();

const followingOf = (userId: number) => rowsOwnedBy(t.db, 'following', userId);

describe(`GET /api/following (${testDialect})`, () => {
  it('answers the users the current user follows, with the following row ids', async () => {
    const viewer = await createUser(t.db);
    const [a, b] = [await createUser(t.db), await createUser(t.db)];
    const fa = await follow(t.db, viewer.id, a.id);
    const fb = await follow(t.db, viewer.id, b.id);
    await follow(t.db, a.id, viewer.id);
    const list = await listAt(apiAs(t.app, viewer.id), '/api/following');
    assertFollowList(list, 'following', [
      [fa.id, a.id],
      [fb.id, b.id],
    ]);
    assert.equal(list[0].following.username, a.username);
  });
});

describe(`POST /api/following (${testDialect})`, () => {
  it('follows a user: 201 Following', async () => {
    const viewer = await createUser(t.db);
    const other = await createUser(t.db);
    const response = await apiAs(t.app, viewer.id)('POST', '/api/following', {
      user_id: String(other.id),
    });
    assert.equal(response.statusCode, 201);
    const [row] = await followingOf(viewer.id);
    assert.deepEqual(Object.keys(response.json()).sort(), ['following', 'id']);
    assert.deepEqual([response.json().id, response.json().following.id], [row?.id, other.id]);
  });

  it('accepts following yourself, as the course app does', async () => {
    const viewer = await createUser(t.db);
    const response = await apiAs(t.app, viewer.id)('POST', '/api/following/', {
      user_id: viewer.id,
    });
    assert.equal(response.statusCode, 201);
    assert.equal(response.json().following.id, viewer.id);
  });

  it('answers 400 when already followed, and one 201 and one 400 for two simultaneous requests', async () => {
    const viewer = await createUser(t.db);
    const other = await createUser(t.db);
    const message = `You already follow user ${other.id}.`;
    await assertCreatedOnce(
      apiAs(t.app, viewer.id),
      '/api/following',
      { user_id: other.id },
      message,
      () => followingOf(viewer.id),
    );
  });

  it('answers 404 for a user that does not exist', async () => {
    const viewer = await createUser(t.db);
    const id = viewer.id + 100_000;
    const response = await apiAs(t.app, viewer.id)('POST', '/api/following', { user_id: id });
    assertAnswer(response, 404, { message: `User ${id} not found.` });
  });

  it('answers 400 naming user_id when it is missing or not an integer id', async () => {
    const viewer = await createUser(t.db);
    const as = apiAs(t.app, viewer.id);
    assert.deepEqual((await as('POST', '/api/following', {})).json(), {
      message: 'Missing field "user_id".',
    });
    for (const user_id of ['abc', 1.5, null, true]) {
      const response = await as('POST', '/api/following', { user_id });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().message, /^Invalid field "user_id"/);
    }
    assert.deepEqual(await followingOf(viewer.id), []);
  });
});

describe(`DELETE /api/following/:id (${testDialect})`, () => {
  it('unfollows by the id of the following row: 200 Message', async () => {
    const viewer = await createUser(t.db);
    const row = await follow(t.db, viewer.id, (await createUser(t.db)).id);
    const response = await apiAs(t.app, viewer.id)('DELETE', `/api/following/${row.id}`);
    assertAnswer(response, 200, { message: `Following ${row.id} deleted.` });
    assert.deepEqual(await followingOf(viewer.id), []);
  });

  it("answers 404 for another user's row and an absent one", async () => {
    const viewer = await createUser(t.db);
    const other = await createUser(t.db);
    const theirs = await follow(t.db, other.id, viewer.id);
    for (const id of [theirs.id, theirs.id + 100_000]) {
      const response = await apiAs(t.app, viewer.id)('DELETE', `/api/following/${id}/`);
      assertAnswer(response, 404, { message: `Following ${id} not found.` });
    }
    assert.equal((await followingOf(other.id)).length, 1);
  });
});
