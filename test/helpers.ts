// Test helpers: build the production app (buildApp) on a fresh SQLite database or
// a fresh, uniquely named PostgreSQL database, selected by TEST_DB. Every test file
// that imports this one runs against both (scripts/test.ts runs it twice).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { loadConfig } from '../server/config';
import { createDatabase, type Db } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { createScratchDatabase } from './postgres';
import { buildReadyApp, type ReadyApp } from './ready-app';

export { pgAdminUrl } from './postgres';

// scripts/test.ts runs a test file on both dialects only when it imports this file,
// and runs every other file once with TEST_DB=none. Reaching here under TEST_DB=none
// means a test got here through another module: import test/helpers directly instead.
if (process.env.TEST_DB === 'none') {
  throw new Error(
    'test/helpers was loaded by a test file that does not import it directly, so scripts/test.ts runs that file only once: import test/helpers in the test file itself.',
  );
}

export type TestDialect = 'sqlite' | 'postgres';
export const testDialect: TestDialect = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export type TestApp = ReadyApp;

export interface TestAppOptions {
  /** Extra environment for loadConfig (e.g. JWT_ACCESS_TOKEN_EXPIRES). */
  env?: Record<string, string>;
  /** Called with every SQL statement the app runs. */
  onQuery?: (sql: string) => void;
}

/** A fresh, migrated (unless `migrate: false`) database of the dialect under test, and how to remove it. */
export async function createTestDatabase(
  options: { onQuery?: (sql: string) => void; migrate?: boolean } = {},
): Promise<{ databaseUrl: string; db: Db; drop: () => Promise<void> }> {
  if (testDialect === 'postgres') {
    const scratch = await createScratchDatabase();
    const db = createDatabase({ dialect: 'postgres', url: scratch.url }, options);
    if (options.migrate !== false) await migrateToLatest(db);
    return { databaseUrl: scratch.url, db, drop: scratch.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'photo-test-'));
  const file = path.join(dir, 'test.db');
  const db = createDatabase({ dialect: 'sqlite', file }, options);
  if (options.migrate !== false) await migrateToLatest(db);
  return { databaseUrl: file, db, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** The production app on a fresh database. Call close() in an `after` hook. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { databaseUrl, db, drop } = await createTestDatabase({ onQuery: options.onQuery });
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    DATABASE_URL: databaseUrl,
    SEED_ON_START: 'false',
    // Password hashes at N=2^12 instead of 2^17 (config refuses this outside tests):
    // tests about hashing strength pass PASSWORD_HASH_COST=17 themselves.
    PASSWORD_HASH_COST: '12',
    ...options.env,
  });
  return buildReadyApp(config, db, drop);
}

/**
 * The production app on a fresh database for the enclosing describe (or the whole
 * file at top level): built in a `before` hook, closed in an `after` hook. Its
 * fields can be read inside tests and later hooks. `setUp` runs in the same hook
 * once the app is built: at the top level of a file it must be used instead of a
 * second `before`, because Node 20 starts top-level hooks without awaiting the one
 * before them.
 */
export function useTestApp(
  options: TestAppOptions = {},
  setUp?: (t: TestApp) => Promise<void>,
): TestApp {
  let current: TestApp | undefined;
  before(async () => {
    current = await buildTestApp(options);
    await setUp?.(current);
  });
  after(() => current?.close());
  const built = (): TestApp => {
    if (current === undefined)
      throw new Error('useTestApp: the app exists only once before() ran.');
    return current;
  };
  return {
    get app() {
      return built().app;
    },
    get db() {
      return built().db;
    },
    get config() {
      return built().config;
    },
    close: () => built().close(),
  };
}
