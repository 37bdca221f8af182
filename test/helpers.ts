// Test helpers: build the production app (buildApp) on a fresh SQLite database or
// a fresh, uniquely named PostgreSQL database, selected by TEST_DB. The same test
// files run against both (scripts/test.ts runs them twice).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app';
import { loadConfig, type Config } from '../server/config';
import { createDatabase, type Db } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';

export type TestDialect = 'sqlite' | 'postgres';
export const testDialect: TestDialect = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** Server-level URL used to create and drop the per-app test databases. */
export const pgAdminUrl =
  process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  /** Closes the app and removes its database. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment for loadConfig (e.g. JWT_ACCESS_TOKEN_EXPIRES). */
  env?: Record<string, string>;
  /** Called with every SQL statement the app runs. */
  onQuery?: (sql: string) => void;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated (unless `migrate: false`) database of the dialect under test, and how to remove it. */
export async function createTestDatabase(
  options: { onQuery?: (sql: string) => void; migrate?: boolean } = {},
): Promise<{ databaseUrl: string; db: Db; drop: () => Promise<void> }> {
  if (testDialect === 'postgres') {
    const name = `photo_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await withAdmin((client) => client.query(`create database "${name}"`));
    const url = new URL(pgAdminUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const db = createDatabase({ dialect: 'postgres', url: databaseUrl }, options);
    if (options.migrate !== false) await migrateToLatest(db);
    return {
      databaseUrl,
      db,
      drop: () =>
        withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(
          () => undefined,
        ),
    };
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
    ...options.env,
  });
  const app = await buildApp(config, db);
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
