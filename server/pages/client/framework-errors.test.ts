// The router's own refusals (malformed percent-encoding, an over-long path parameter)
// with onFrameworkError, on a bare Fastify with routes shaped like the app's.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Fastify from 'fastify';
import { onFrameworkError, repairPercentEncoding } from './framework-errors';

describe('repairPercentEncoding', () => {
  for (const [path, repaired] of [
    ['/%', '/%25'],
    ['/posts/%', '/posts/%25'],
    ['/posts/%ZZ', '/posts/%25ZZ'],
    ['/users/%E0%A4%A', '/users/%25E0%25A4%25A'],
    ['/users/%C3%A9/%', '/users/%C3%A9/%25'],
    ['/settings/%/x', '/settings/%25/x'],
    ['/posts/12', '/posts/12'],
  ] as const) {
    it(`${path} → ${repaired}`, () => {
      assert.equal(repairPercentEncoding(path), repaired);
      assert.doesNotThrow(() => decodeURIComponent(repaired));
    });
  }
});

describe('onFrameworkError', () => {
  const app = Fastify({ frameworkErrors: onFrameworkError });
  const echo = async (request: { params: unknown }) => request.params;
  app.get('/posts/:id', echo);
  app.get('/users/:user', echo);
  app.get('/api/posts/:id', echo);
  app.post('/posts/:id', echo);
  app.get('/*', echo);
  after(() => app.close());

  it('sends a page with malformed encoding to its repaired address, query kept', async () => {
    for (const [url, location] of [
      ['/%', '/%25'],
      ['/posts/%', '/posts/%25'],
      ['/users/%E0%A4%A', '/users/%25E0%25A4%25A'],
      ['/users/%?q=%E0', '/users/%25?q=%E0'],
    ] as const) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 302, url);
      assert.equal(response.headers.location, location, url);
      assert.equal(response.headers['cache-control'], 'no-store');
      // The repaired address reaches its route, with the text that was typed.
      const followed = await app.inject({ method: 'GET', url: location });
      assert.equal(followed.statusCode, 200, location);
    }
    const followed = await app.inject({ method: 'GET', url: '/users/%25E0%25A4%25A' });
    assert.deepEqual(followed.json(), { user: '%E0%A4%A' });
  });

  it('answers the API, and other methods, 400 with a message', async () => {
    for (const [method, url] of [
      ['GET', '/api/posts/%'],
      ['GET', '/api/posts/%E0%A4%A'],
      ['POST', '/posts/%'],
    ] as const) {
      const response = await app.inject({ method, url });
      assert.equal(response.statusCode, 400, url);
      assert.deepEqual(Object.keys(response.json()), ['message']);
      assert.match(response.json<{ message: string }>().message, /Malformed percent-encoding/);
    }
  });

  it('answers an over-long path parameter 414 with a message', async () => {
    // (A GET would fall through to the catch-all /*, as in the app.)
    const response = await app.inject({ method: 'POST', url: `/posts/${'1'.repeat(150)}` });
    assert.equal(response.statusCode, 414);
    assert.deepEqual(response.json(), { message: 'A part of the path is too long.' });
  });
});
