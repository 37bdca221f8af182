import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp, testDialect } from '../../../test/helpers';

describe(`GET /healthz (${testDialect})`, () => {
  const t = useTestApp();

  it('answers 200 when the database answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', database: testDialect });
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('answers a JSON 404 for an unknown /api path', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nope/nothing' });
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json(), { message: 'No endpoint GET /api/nope/nothing.' });
  });
});
