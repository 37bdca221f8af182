// The real server for end-to-end tests: the built client (dist/client), a fresh
// SQLite database in a temporary DATA_DIR loaded with the demo seed, a free port.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Extra environment, e.g. { JWT_ACCESS_TOKEN_EXPIRES: '10' }. */
  env?: Record<string, string>;
}

async function findFreePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string')
    throw new Error('Could not find a free port');
  return address.port;
}

async function waitForHealth(url: string, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const failure = exited();
    if (failure !== null) throw new Error(failure);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The test server did not answer ${url}/healthz within 30 s`);
}

/** Starts `server/main.ts` as a child process; stop() sends SIGTERM and removes the data. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  if (!existsSync(path.join(root, 'dist', 'client', 'index.html'))) {
    throw new Error(
      'dist/client is missing: run npm run build (npm run test:e2e does it for you).',
    );
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'photo-app-e2e-'));
  const port = await findFreePort();
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
  let exitMessage: string | null = null;
  const exitedPromise = once(child, 'exit');
  child.on('exit', (code, signal) => {
    exitMessage = `The test server exited early (code ${code}, signal ${signal})`;
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exitedPromise;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, () => exitMessage);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
