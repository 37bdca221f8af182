// The real entry point, as `npm start` runs it: on a fresh data directory it
// migrates, seeds the demo data, serves it, and exits 0 on SIGTERM.
// SQLite only, by design: the PostgreSQL start path is covered by the CI script
// (scripts/smoke-start.ts), and a second copy here would add nothing but time.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { testDialect } from '../test/helpers';
import { freePort, waitForHealthy } from '../test/server-process';

const mainFile = fileURLToPath(new URL('./main.ts', import.meta.url));
const tsxLoader = import.meta.resolve('tsx');

// Dialect-independent (it starts the real entry point on the default embedded
// database); the CI smoke script (scripts/smoke-start.ts) starts it on PostgreSQL.
if (testDialect === 'sqlite')
  describe('server/main.ts', () => {
    let dir: string;
    let child: ChildProcess;
    let base: string;
    let output = '';

    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'photo-main-'));
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      // A temp working directory, so no .env of the checkout leaks in.
      child = spawn(process.execPath, ['--import', tsxLoader, mainFile], {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: path.join(dir, 'data'),
          JWT_SECRET: 'main-test-secret-that-is-long-enough-0123456789abcdef',
          LOG_LEVEL: 'warn',
          SEED_ON_START: 'true',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitForHealthy(base, child, { details: () => `\n${output}` });
    });

    after(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves the demo data on first start: webdev logs in with password and sees a feed', async () => {
      const login = await fetch(`${base}/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'webdev', password: 'password' }),
      });
      assert.equal(login.status, 200, output);
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
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      assert.equal(code, 0, output);
    });
  });
