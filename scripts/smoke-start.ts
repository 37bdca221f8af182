// Start-up smoke test, as a teacher would deploy: in an empty directory with only a
// .env file, start the server, wait for /healthz, log in as webdev, read the feed,
// then SIGTERM and require exit code 0 within 5 seconds. Once on the embedded SQLite
// database, once with the course's DB_URL=postgresql+psycopg://... form.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../test/postgres';
import { freePort, startServerProcess, type ServerProcess } from '../test/server-process';

async function smoke(label: string, envFile: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'photo-smoke-'));
  const port = await freePort();
  writeFileSync(path.join(dir, '.env'), `${envFile}\nPORT=${port}\nLOG_LEVEL=warn\n`);
  const started = Date.now();
  let server: ServerProcess | undefined;
  const base = `http://127.0.0.1:${port}`;
  let failure: unknown = null;
  try {
    // PORT comes from the .env file, as in a deployment; the server's output is shown.
    server = await startServerProcess({
      cwd: dir,
      port,
      passPort: false,
      env: { ...process.env, NODE_ENV: 'development' },
    });
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
  const code = server === undefined ? null : await server.stop(5000);
  rmSync(dir, { recursive: true, force: true });
  if (failure !== null) throw failure;
  if (server === undefined) throw new Error(`${label}: the server did not start`);
  if (code === 'timeout') throw new Error(`${label}: still running 5 s after SIGTERM`);
  if (code !== 0) throw new Error(`${label}: exited with code ${String(code)} after SIGTERM`);
  console.log(`${label}: exited 0, ${Date.now() - stopAt} ms after SIGTERM`);
}

await smoke('SQLite (default)', '');

// The course's SQLAlchemy form of the URL, for the role, host and port of TEST_PG_URL.
const scratch = await createScratchDatabase('photo_smoke');
try {
  const sqlalchemyUrl = new URL(scratch.url);
  sqlalchemyUrl.protocol = 'postgresql+psycopg:';
  await smoke('PostgreSQL (DB_URL in SQLAlchemy form)', `DB_URL=${sqlalchemyUrl.toString()}`);
} finally {
  await scratch.drop();
}
