// A Redis that cannot be reached (down, restarting, a wrong REDIS_URL) must not turn
// logins, sign-ups and uploads into 500s: every request that needs the counters
// answers 503 with Retry-After and a {message} (the login page a short error), the
// rest of the app keeps working, and the outage is logged once, not once per request.
// The Redis here is a URL at a port nothing listens on; the shared Redis is never
// stopped. Recovery goes through a TCP relay to it that opens on that port later.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { apiAs, bearer, createUser, passwordHashOf } from '../../test/fixtures';
import { postForm } from '../../test/forms';
import { multipart, smallImage } from '../../test/images';
import { PASSWORD_HASH } from '../../test/sessions';
import { useTestApp, testDialect } from '../../test/helpers';
import { CounterStoreUnavailableError, createRedisStore, type StoreLog } from './counter-stores';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A port on this machine that nothing listens on (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function recordingLog(): StoreLog & { errors: string[]; infos: string[] } {
  const errors: string[] = [];
  const infos: string[] = [];
  return { errors, infos, error: (m) => errors.push(m), info: (m) => infos.push(m) };
}

/** Forwards every connection on `port` to the shared Redis. */
async function relayToRedis(port: number): Promise<Server> {
  const target = new URL(REDIS_URL);
  const sockets = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  relay.on('close', () => {
    for (const socket of sockets) socket.destroy();
  });
  await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
  return relay;
}

describe('Redis counter store while Redis is away', () => {
  const counters = [{ key: 'outage', limit: 3 }];

  it('fails every take and giveBack with CounterStoreUnavailableError, logging the outage once', async () => {
    const log = recordingLog();
    const store = createRedisStore(`redis://127.0.0.1:${await closedPort()}`, 'outage:', log);
    try {
      for (let i = 0; i < 5; i++) {
        await assert.rejects(store.take(counters, 60), CounterStoreUnavailableError);
      }
      await assert.rejects(store.giveBack(['outage']), CounterStoreUnavailableError);
      await assert.rejects(
        Promise.all(Array.from({ length: 20 }, () => store.take(counters, 60))),
        CounterStoreUnavailableError,
      );
      assert.equal(log.errors.length, 1, log.errors.join('\n'));
      assert.match(log.errors[0] ?? '', /Redis .*unavailable \(connect ECONNREFUSED/);
      assert.deepEqual(log.infos, []);
    } finally {
      await store.close();
    }
  });

  it('counts again once Redis is back, and logs that once', async () => {
    const port = await closedPort();
    const log = recordingLog();
    const prefix = `photo-app-test:${randomBytes(6).toString('hex')}:`;
    const store = createRedisStore(`redis://127.0.0.1:${port}`, prefix, log);
    let relay: Server | undefined;
    try {
      await assert.rejects(store.take(counters, 60), CounterStoreUnavailableError);
      relay = await relayToRedis(port);
      // ioredis reconnects on its own (at most 2 s apart); give it ten times that.
      let answer: number | null | 'away' = 'away';
      for (let waited = 0; answer === 'away' && waited < 20_000; waited += 100) {
        answer = await store.take(counters, 60).catch(() => 'away' as const);
        if (answer === 'away') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(answer, null, 'the first attempt after the outage is admitted');
      assert.equal(await store.take(counters, 60), null);
      assert.equal(await store.take(counters, 60), null);
      assert.ok((await store.take(counters, 60)) !== null, 'and the limit holds again');
      assert.equal(log.errors.length, 1);
      assert.equal(log.infos.length, 1, log.infos.join('\n'));
      assert.match(log.infos[0] ?? '', /Redis .*is back after/);
    } finally {
      await store.close();
      await new Promise((resolve) => (relay ? relay.close(resolve) : resolve(undefined)));
    }
  });
});

describe(`the app while its Redis is away (${testDialect})`, () => {
  // Port 1 (tcpmux) has no listener on any machine this runs on: connection refused.
  const logged: string[] = [];
  const t = useTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } }, async ({ app }) => {
    const original = app.log.error.bind(app.log);
    app.log.error = ((...args: Parameters<typeof original>) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      return original(...args);
    }) as typeof app.log.error;
  });

  function assertUnavailable(response: { statusCode: number; headers: Record<string, unknown> }) {
    assert.equal(response.statusCode, 503);
    assert.equal(response.headers['retry-after'], '5');
  }

  it('POST /api/token: 503, Retry-After and a message, never 500', async () => {
    const user = await createUser(t.db, { password_hash: PASSWORD_HASH });
    for (const password of ['password', 'wrong']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/token',
        payload: { username: user.username, password },
      });
      assertUnavailable(response);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(response.json().message, /try again in a few seconds/);
    }
  });

  it('POST /login: the form again with a short error, 503 and Retry-After', async () => {
    const user = await createUser(t.db, { password_hash: PASSWORD_HASH });
    const response = await postForm(t.app, '/login', {
      username: user.username,
      password: 'password',
    });
    assertUnavailable(response);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.match(response.body, /try again in a few seconds/);
    assert.match(response.body, new RegExp(`value="${user.username}"`));
  });

  it('sign-up, upload and password change: 503 with Retry-After', async () => {
    const signUp = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: `u${randomBytes(4).toString('hex')}`,
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: `${randomBytes(4).toString('hex')}@example.com`,
        password: 'a long and unusual passphrase',
      },
    });
    assertUnavailable(signUp);
    assert.match(signUp.json().message, /try again/);

    const user = await createUser(t.db, { password_hash: PASSWORD_HASH });
    const body = multipart([{ bytes: await smallImage('png'), contentType: 'image/png' }]);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/media',
      headers: { ...bearer(t.app, user.id), ...body.headers },
      payload: body.payload,
    });
    assertUnavailable(upload);
    assert.match(upload.json().message, /try again/);

    const change = await apiAs(t.app, user.id)('POST', '/api/profile/password', {
      current_password: 'password',
      new_password: 'another long passphrase',
    });
    assertUnavailable(change);
    assert.equal(await passwordHashOf(t.db, user.id), PASSWORD_HASH, 'nothing changed');
  });

  it('everything that needs no counters keeps working, and the outage was logged once', async () => {
    const user = await createUser(t.db);
    const profile = await apiAs(t.app, user.id)('GET', '/api/profile');
    assert.equal(profile.statusCode, 200);
    const outageLines = logged.filter((line) => /Redis/.test(line));
    assert.equal(outageLines.length, 1, outageLines.join('\n'));
    assert.ok(!logged.some((line) => /request failed/.test(line)), 'no request logged a 500');
  });
});
