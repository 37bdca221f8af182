// The real server for end-to-end tests: the built client (dist/client), a fresh
// SQLite database in a temporary DATA_DIR loaded with the demo seed, a free port.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, startServerProcess } from '../../test/server-process';

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
  if (!existsSync(path.join(repoRoot, 'dist', 'client', 'index.html'))) {
    throw new Error(
      'dist/client is missing: run npm run build (npm run test:e2e does it for you).',
    );
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'photo-app-e2e-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const server = await startServerProcess({
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
        ...options.env,
      },
    });
    return {
      url: server.url,
      stop: async () => {
        await server.stop(30_000);
        removeData();
      },
    };
  } catch (error) {
    removeData();
    throw error;
  }
}
