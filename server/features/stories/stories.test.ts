import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiAs,
  createNetwork,
  createStory,
  createUser,
  deleteUserWithoutCascade,
  follow,
  USER_KEYS,
} from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';
import { toDbTime } from '../../db/portable';

const t = useTestApp();

describe(`GET /api/stories (${testDialect})`, () => {
  it('answers every story of the network, newest first, without stories of strangers', async () => {
    const viewer = await createUser(t.db);
    const friend = await createUser(t.db);
    const stranger = await createUser(t.db);
    await follow(t.db, viewer.id, friend.id);
    await follow(t.db, stranger.id, viewer.id);
    const old = await createStory(t.db, viewer.id, 'mine', 20);
    const recent = await createStory(t.db, friend.id, 'theirs', 1);
    await createStory(t.db, stranger.id, 'hidden', 0);
    for (const url of ['/api/stories', '/api/stories/']) {
      const response = await apiAs(t.app, viewer.id)('GET', url);
      assert.equal(response.statusCode, 200);
      const list = response.json();
      assert.deepEqual(
        list.map((s: { id: number; text: string }) => [s.id, s.text]),
        [
          [recent.id, 'theirs'],
          [old.id, 'mine'],
        ],
      );
      assert.deepEqual(Object.keys(list[0]).sort(), ['id', 'text', 'user']);
      assert.deepEqual(Object.keys(list[0].user).sort(), USER_KEYS);
      assert.equal(list[0].user.id, friend.id);
    }
  });

  it('reads a story another program inserted with an explicit id', async () => {
    const viewer = await createUser(t.db);
    const id = 900_000 + Math.floor(Math.random() * 90_000);
    await t.db.kysely
      .insertInto('stories')
      .values({ id, text: 'from SQL', pub_date: toDbTime(new Date()), user_id: viewer.id })
      .execute();
    const list = (await apiAs(t.app, viewer.id)('GET', '/api/stories')).json();
    assert.deepEqual(
      list.map((s: { id: number }) => s.id),
      [id],
    );
  });

  it('leaves out the stories of an author whose row is gone', async () => {
    const { viewer, friend, stranger: gone, as } = await createNetwork(t.app, t.db);
    await follow(t.db, viewer.id, gone.id);
    const kept = await createStory(t.db, friend.id, 'kept', 2);
    await createStory(t.db, gone.id, 'orphan', 1);
    await deleteUserWithoutCascade(t.db, gone.id);
    const list = (await as('GET', '/api/stories')).json();
    assert.deepEqual(
      list.map((s: { id: number; user: { id: number } }) => [s.id, s.user.id]),
      [[kept.id, friend.id]],
    );
  });
});
