import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, createUser, follow, USER_KEYS } from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';

const t = useTestApp();

describe(`GET /api/suggestions (${testDialect})`, () => {
  it('answers at most 7 users, never the current user nor anyone they follow', async () => {
    const viewer = await createUser(t.db);
    const followed = [];
    for (let i = 0; i < 9; i++) {
      const user = await createUser(t.db);
      await follow(t.db, viewer.id, user.id);
      followed.push(user.id);
    }
    for (let i = 0; i < 9; i++) await createUser(t.db);
    for (const url of ['/api/suggestions', '/api/suggestions/']) {
      const response = await apiAs(t.app, viewer.id)('GET', url);
      assert.equal(response.statusCode, 200);
      const list = response.json() as Array<{ id: number }>;
      assert.equal(list.length, 7);
      assert.deepEqual(Object.keys(list[0] ?? {}).sort(), USER_KEYS);
      for (const user of list) {
        assert.notEqual(user.id, viewer.id);
        assert.ok(!followed.includes(user.id), `suggested followed user ${user.id}`);
      }
      assert.equal(new Set(list.map((user) => user.id)).size, 7);
    }
  });

  it('does not suggest disabled accounts', async () => {
    const viewer = await createUser(t.db);
    const disabled = await createUser(t.db, { is_disabled: 1 });
    const list = (await apiAs(t.app, viewer.id)('GET', '/api/suggestions')).json() as Array<{
      id: number;
    }>;
    assert.ok(!list.some((user) => user.id === disabled.id));
  });
});
