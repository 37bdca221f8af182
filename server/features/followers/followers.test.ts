import { describe, it } from 'node:test';
import { apiAs, assertFollowList, createUser, follow, listAt } from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';

const t = useTestApp();

describe(`GET /api/followers (${testDialect})`, () => {
  it('answers the users who follow the current user, not the ones they follow', async () => {
    const viewer = await createUser(t.db);
    const [a, b, c] = [await createUser(t.db), await createUser(t.db), await createUser(t.db)];
    const fa = await follow(t.db, a.id, viewer.id);
    const fb = await follow(t.db, b.id, viewer.id);
    await follow(t.db, viewer.id, c.id);
    assertFollowList(await listAt(apiAs(t.app, viewer.id), '/api/followers'), 'follower', [
      [fa.id, a.id],
      [fb.id, b.id],
    ]);
  });
});
