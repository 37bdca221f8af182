// The real server for end-to-end tests: the built client (dist/client), a fresh
// SQLite database in a temporary DATA_DIR loaded with the demo seed, a free port.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { freePort, waitForHealthy } from '../../test/server-process';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Extra environment, e.g. { JWT_ACCESS_TOKEN_EXPIRES: '10' }. */
  env?: Record<string, string>;
}

/** Starts `server/main.ts` as a child process; stop() sends SIGTERM and removes the data. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  if (!existsSync(path.join(root, 'dist', 'client', 'index.html'))) {
    throw new Error(
      'dist/client is missing: run npm run build (npm run test:e2e does it for you).',
    );
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'photo-app-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      // development, not test: real cookies without Secure, the demo seed on start,
      // and an explicit secret so no dev-secret file is needed.
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-signing',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DB_URL: '',
      SEED_ON_START: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...options.env,
    },
  });
  const exitedPromise = once(child, 'exit');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exitedPromise;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealthy(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
