// Start-up as a platform (Heroku and the like) does it: NODE_ENV=production and only
// PORT, DATABASE_URL (postgres://, with sslmode) and JWT_SECRET, nothing else, no .env.
// The server must listen on every interface, since the platform's router connects
// from outside the machine, and answer /healthz there.
// Dialect-independent (PostgreSQL, as platforms provide), so it does not import
// test/helpers and scripts/test.ts runs it once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from '../test/postgres';
import { freePort, startServerProcess, type ServerProcess } from '../test/server-process';

/** An address of this machine that is not loopback: a 127.0.0.1-only server is not reachable there. */
function nonLoopbackAddress(): string | undefined {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return addresses.find((entry) => !entry.internal && entry.family === 'IPv4')?.address;
}

const answersHealth = (base: string) =>
  fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5000) }).then(
    (response) => response.status,
    (error: unknown) => (error instanceof Error ? (error.cause ?? error).toString() : 'failed'),
  );

describe('production start-up with only PORT, DATABASE_URL and JWT_SECRET', () => {
  let dir: string;
  let database: ScratchDatabase;
  let server: ServerProcess;
  let port: number;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'photo-platform-'));
    database = await createScratchDatabase('photo_platform');
    port = await freePort();
    // Platforms hand out postgres:// URLs; sslmode goes through the server's own mapping
    // (disable: the local test server has no TLS).
    const url = new URL(database.url);
    url.protocol = 'postgres:';
    url.searchParams.set('sslmode', 'disable');
    server = await startServerProcess({
      cwd: dir,
      port,
      passPort: false,
      output: 'capture',
      // Two workers (production default on 2 CPUs), each starting cold on a busy machine.
      timeoutMs: 180_000,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: url.toString(),
        JWT_SECRET: 'platform-test-secret-0123456789abcdef0123456789abcdef',
      },
    });
  });

  after(async () => {
    await server?.stop(10_000);
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz on loopback', async () => {
    assert.equal(await answersHealth(`http://127.0.0.1:${port}`), 200, server.output());
  });

  it('listens on all interfaces: answers /healthz on a non-loopback address of this machine', async () => {
    const address = nonLoopbackAddress();
    assert.ok(address, 'this machine needs a non-loopback IPv4 address for this test');
    assert.equal(await answersHealth(`http://${address}:${port}`), 200, server.output());
  });

  it('logs JSON lines, as in production before (no pretty printing)', () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    assert.ok(lines.length > 0, server.output());
    const entries = lines.map((line) => JSON.parse(line) as { msg?: string; res?: unknown });
    // Fastify's own request entries, with the response object, as before.
    assert.ok(entries.some((entry) => entry.msg === 'request completed' && entry.res));
  });
});
