import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, createApiClient, REFRESH_PATH } from './api';

interface Call {
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fake fetch answering from a list of handlers, recording every call. */
function fakeServer(handler: (call: Call, index: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      path: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    calls.push(call);
    return handler(call, calls.length - 1);
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function cookieJar(initial: Record<string, string>) {
  const jar = { ...initial };
  return { jar, getCookie: (name: string) => jar[name] };
}

/** A client of `server` reading cookies with `getCookie`, counting its session expiries. */
function clientOf(
  server: ReturnType<typeof fakeServer>,
  getCookie: (name: string) => string | undefined = () => undefined,
) {
  let expired = 0;
  const client = createApiClient({
    fetch: server.fetch,
    getCookie,
    onSessionExpired: () => expired++,
  });
  return {
    client,
    get expired() {
      return expired;
    },
  };
}

describe('createApiClient', () => {
  it('sends X-CSRF-TOKEN from csrf_access_token on writes and not on reads', async () => {
    const server = fakeServer(() => json(200, {}));
    const { getCookie } = cookieJar({ csrf_access_token: 'csrf-1' });
    const { client } = clientOf(server, getCookie);
    await client.get('/api/posts');
    await client.post('/api/likes', { post_id: 3 });
    await client.delete('/api/likes/9');
    assert.equal(server.calls[0]?.headers['X-CSRF-TOKEN'], undefined);
    assert.equal(server.calls[1]?.headers['X-CSRF-TOKEN'], 'csrf-1');
    assert.equal(server.calls[1]?.headers['Content-Type'], 'application/json');
    assert.equal(server.calls[1]?.body, '{"post_id":3}');
    assert.equal(server.calls[2]?.headers['X-CSRF-TOKEN'], 'csrf-1');
    assert.equal(server.calls[2]?.body, undefined);
  });

  it('throws an ApiError carrying the server message and status', async () => {
    const server = fakeServer(() => json(400, { message: 'The post is already liked.' }));
    const { client } = clientOf(server);
    await assert.rejects(client.post('/api/likes', { post_id: 1 }), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 400);
      assert.equal(error.message, 'The post is already liked.');
      return true;
    });
  });

  it('renews the session on a 401 and retries once with the new CSRF token', async () => {
    const { jar, getCookie } = cookieJar({
      csrf_access_token: 'old',
      csrf_refresh_token: 'refresh-csrf',
    });
    const server = fakeServer((call) => {
      if (call.path === REFRESH_PATH) {
        jar.csrf_access_token = 'new';
        return json(200, {});
      }
      return call.headers['X-CSRF-TOKEN'] === 'new'
        ? json(201, { id: 5 })
        : json(401, { message: 'expired' });
    });
    const session = clientOf(server, getCookie);
    const { client } = session;
    const result = await client.post<{ id: number }>('/api/likes', { post_id: 2 });
    assert.deepEqual(result, { id: 5 });
    assert.deepEqual(
      server.calls.map((call) => call.path),
      ['/api/likes', REFRESH_PATH, '/api/likes'],
    );
    const refresh = server.calls[1];
    assert.equal(refresh?.method, 'POST');
    assert.equal(refresh?.body, undefined);
    assert.equal(refresh?.headers['X-CSRF-TOKEN'], 'refresh-csrf');
    assert.equal(session.expired, 0);
  });

  it('shares one renewal between concurrent requests that get a 401', async () => {
    let renewed = false;
    const server = fakeServer(async (call) => {
      if (call.path === REFRESH_PATH) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        renewed = true;
        return json(200, {});
      }
      return renewed ? json(200, { path: call.path }) : json(401, { message: 'expired' });
    });
    const { client } = clientOf(server, () => 'x');
    const results = await Promise.all([
      client.get('/api/a'),
      client.get('/api/b'),
      client.get('/api/c'),
    ]);
    assert.deepEqual(results, [{ path: '/api/a' }, { path: '/api/b' }, { path: '/api/c' }]);
    assert.equal(server.calls.filter((call) => call.path === REFRESH_PATH).length, 1);
  });

  it('goes to the login page when renewal fails, without retrying', async () => {
    const server = fakeServer((call) =>
      call.path === REFRESH_PATH ? json(401, { message: 'revoked' }) : json(401, {}),
    );
    const session = clientOf(server, () => 'x');
    const { client } = session;
    await assert.rejects(
      client.get('/api/profile'),
      (error: unknown) => error instanceof ApiError && error.status === 401,
    );
    assert.equal(session.expired, 1);
    assert.equal(server.calls.length, 2);
  });

  it('goes to the login page when renewal cannot reach the server', async () => {
    const server = fakeServer((call) => {
      if (call.path === REFRESH_PATH) throw new TypeError('Failed to fetch');
      return json(401, {});
    });
    const session = clientOf(server, () => 'x');
    const { client } = session;
    await assert.rejects(client.get('/api/profile'), ApiError);
    assert.equal(session.expired, 1);
  });

  it('gives up after one retry when the renewed token is refused too', async () => {
    const server = fakeServer((call) =>
      call.path === REFRESH_PATH ? json(200, {}) : json(401, {}),
    );
    const session = clientOf(server, () => 'x');
    const { client } = session;
    await assert.rejects(client.get('/api/profile'), ApiError);
    assert.equal(server.calls.length, 3);
    assert.equal(session.expired, 1);
  });

  it('names the status when an error body is not JSON', async () => {
    const server = fakeServer(
      () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const { client } = clientOf(server);
    await assert.rejects(client.get('/api/posts'), {
      message: 'The server answered 502 Bad Gateway.',
    });
  });
});
