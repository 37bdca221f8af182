import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, createUser } from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';

const t = useTestApp();

describe(`GET /api/profile (${testDialect})`, () => {
  it('answers the current user as a User, never with the password hash', async () => {
    const user = await createUser(t.db, {
      first_name: 'Ada',
      last_name: 'Lovelace',
      thumb_url: null,
    });
    for (const url of ['/api/profile', '/api/profile/']) {
      const response = await apiAs(t.app, user.id)('GET', url);
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), {
        id: user.id,
        first_name: 'Ada',
        last_name: 'Lovelace',
        username: user.username,
        email: user.email,
        image_url: user.image_url,
        thumb_url: null,
      });
    }
  });

  it('answers 401 without a token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/profile' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.headers['www-authenticate'], 'Bearer');
  });
});
