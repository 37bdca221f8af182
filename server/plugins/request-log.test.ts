// The development log as a person reads it in a terminal: the real server process,
// its real (pino-pretty) output. One line per request at the default level; the
// full entries with LOG_LEVEL=debug. Production's JSON lines: platform-start.test.ts.
// Dialect-independent (the default embedded database), so it does not import
// test/helpers and scripts/test.ts runs it once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { startServerProcess } from '../../test/server-process';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Starts a development server, sends `paths`, and returns what it printed after start-up. */
async function developmentLog(logLevel: string, paths: string[]): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'photo-log-'));
  dirs.push(dir);
  const server = await startServerProcess({
    cwd: dir,
    output: 'capture',
    timeoutMs: 180_000,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      LOG_LEVEL: logLevel,
      DATA_DIR: path.join(dir, 'data'),
      JWT_SECRET: 'request-log-test-secret-0123456789abcdef0123456789',
      SEED_ON_START: 'false',
    },
  });
  try {
    const before = server.output().length;
    for (const url of paths) await fetch(`${server.url}${url}`, { redirect: 'manual' });
    // pino-pretty writes from a worker thread: wait until the output stops growing.
    let length = -1;
    for (let tries = 0; tries < 50 && server.output().length !== length; tries++) {
      length = server.output().length;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    // The readiness probe's /healthz requests may still be on their way to the log.
    return server
      .output()
      .slice(before)
      .split('\n')
      .filter((line) => line !== '' && !line.includes(' /healthz '));
  } finally {
    await server.stop(10_000);
  }
}

describe('the development request log', () => {
  it('prints exactly one line per request: method, path (no query), status and time', async () => {
    const lines = await developmentLog('info', [
      '/api/posts?token=secret-value',
      '/api/posts',
      '/login',
      '/no-such-page',
    ]);
    const requestLines = lines.filter((line) => / (GET|POST) \//.test(line));
    assert.equal(requestLines.length, 4, lines.join('\n'));
    const [first, second, third, fourth] = requestLines;
    assert.match(first ?? '', /INFO.*: GET \/api\/posts 401 \d+\.\d ms$/);
    assert.match(second ?? '', /INFO.*: GET \/api\/posts 401 \d+\.\d ms$/);
    assert.match(third ?? '', /INFO.*: GET \/login 200 \d+\.\d ms$/);
    // The not-found page: the login redirect for a visitor (or a 404).
    assert.match(fourth ?? '', /INFO.*: GET \/no-such-page (302|404) \d+\.\d ms$/);
    // Nothing else: no request/response objects, no indented detail lines, no query.
    assert.deepEqual(lines, requestLines);
    assert.ok(!lines.join('\n').includes('secret-value'));
  });

  it('prints the full entries with LOG_LEVEL=debug', async () => {
    const lines = await developmentLog('debug', ['/login']);
    const text = lines.join('\n');
    assert.match(text, /incoming request/);
    assert.match(text, /request completed/);
    assert.match(text, /reqId/);
    assert.ok(lines.length > 4, text);
  });
});
