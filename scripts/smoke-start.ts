// Start-up smoke test, as a teacher would deploy: in an empty directory with only a
// .env file, start the server, wait for /healthz, log in as webdev, read the feed,
// then SIGTERM and require exit code 0 within 5 seconds. Once on the embedded SQLite
// database, once with the course's DB_URL=postgresql+psycopg://... form.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, waitForHealthy } from '../test/server-process';

const repo = path.resolve(import.meta.dirname, '..');
const adminUrl = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function smoke(label: string, envFile: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'photo-smoke-'));
  const port = await freePort();
  writeFileSync(path.join(dir, '.env'), `${envFile}\nPORT=${port}\nLOG_LEVEL=warn\n`);
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), path.join(repo, 'server/main.ts')],
    {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const base = `http://127.0.0.1:${port}`;
  let failure: unknown = null;
  try {
    await waitForHealthy(base, child);
    const tokenResponse = await fetch(`${base}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'webdev', password: 'password' }),
    });
    if (tokenResponse.status !== 200)
      throw new Error(`${label}: POST /api/token answered ${tokenResponse.status}`);
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const feed = await fetch(`${base}/api/posts`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    const posts = (await feed.json()) as unknown[];
    if (feed.status !== 200 || !Array.isArray(posts) || posts.length === 0) {
      throw new Error(
        `${label}: GET /api/posts answered ${feed.status} with ${JSON.stringify(posts).slice(0, 200)}`,
      );
    }
    console.log(
      `${label}: healthy after ${Date.now() - started} ms, webdev sees ${posts.length} posts`,
    );
  } catch (error) {
    failure = error;
  }
  const stopAt = Date.now();
  child.kill('SIGTERM');
  const code = await Promise.race([
    exited,
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000)),
  ]);
  if (code === 'timeout') child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  if (failure !== null) throw failure;
  if (code === 'timeout') throw new Error(`${label}: still running 5 s after SIGTERM`);
  if (code !== 0) throw new Error(`${label}: exited with code ${String(code)} after SIGTERM`);
  console.log(`${label}: exited 0, ${Date.now() - stopAt} ms after SIGTERM`);
}

await smoke('SQLite (default)', '');

const name = `photo_smoke_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database "${name}"`);
try {
  await smoke(
    'PostgreSQL (DB_URL in SQLAlchemy form)',
    `DB_URL=postgresql+psycopg://root@127.0.0.1/${name}`,
  );
} finally {
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
