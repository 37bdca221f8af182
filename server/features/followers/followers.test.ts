import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, createUser, follow, USER_KEYS } from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';

const t = useTestApp();

describe(`GET /api/followers (${testDialect})`, () => {
  it('answers the users who follow the current user, not the ones they follow', async () => {
    const viewer = await createUser(t.db);
    const [a, b, c] = [await createUser(t.db), await createUser(t.db), await createUser(t.db)];
    const fa = await follow(t.db, a.id, viewer.id);
    const fb = await follow(t.db, b.id, viewer.id);
    await follow(t.db, viewer.id, c.id);
    for (const url of ['/api/followers', '/api/followers/']) {
      const response = await apiAs(t.app, viewer.id)('GET', url);
      assert.equal(response.statusCode, 200);
      const list = response.json();
      assert.deepEqual(
        list.map((f: { id: number; follower: { id: number } }) => [f.id, f.follower.id]),
        [
          [fa.id, a.id],
          [fb.id, b.id],
        ],
      );
      assert.deepEqual(Object.keys(list[0]).sort(), ['follower', 'id']);
      assert.deepEqual(Object.keys(list[0].follower).sort(), USER_KEYS);
    }
  });
});
