// The real entry point, as `npm start` runs it: on a fresh data directory it
// migrates, seeds the demo data, serves it, and exits 0 on SIGTERM.
// SQLite only, by design: the PostgreSQL start path is covered by the CI script
// (scripts/smoke-start.ts), and a second copy here would add nothing but time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServerProcess, type ServerProcess } from '../test/server-process';

// Dialect-independent (it starts the real entry point on the default embedded
// database), so it does not import test/helpers and scripts/test.ts runs it once.
describe('server/main.ts', () => {
  let dir: string;
  let server: ServerProcess;
  let base: string;
  const output = () => server.output();

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'photo-main-'));
    // A temp working directory, so no .env of the checkout leaks in.
    server = await startServerProcess({
      cwd: dir,
      output: 'capture',
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATA_DIR: path.join(dir, 'data'),
        JWT_SECRET: 'main-test-secret-that-is-long-enough-0123456789abcdef',
        LOG_LEVEL: 'warn',
        SEED_ON_START: 'true',
      },
    });
    base = server.url;
  });

  after(async () => {
    await server?.stop(1000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the demo data on first start: webdev logs in with password and sees a feed', async () => {
    const login = await fetch(`${base}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'webdev', password: 'password' }),
    });
    assert.equal(login.status, 200, output());
    const { access_token: token } = (await login.json()) as { access_token: string };
    const feed = await fetch(`${base}/api/posts`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(feed.status, 200);
    const posts = (await feed.json()) as Array<{ image_url: string }>;
    assert.ok(posts.length >= 3);
    const image = await fetch(`${base}${posts[0]?.image_url}`);
    assert.match(String(image.headers.get('content-type')), /^image\/svg\+xml/);
  });

  it('exits with code 0 on SIGTERM', async () => {
    assert.equal(await server.stop(), 0, output());
  });
});
