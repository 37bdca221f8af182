// Two production apps (buildApp) over identical data, one on SQLite and one on
// PostgreSQL, in the same process, so that one request can be sent to both and the
// answers compared. Deliberately not test/helpers: that module serves one dialect per
// run, while this suite needs both at once (scripts/test.ts runs it once).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../server/config';
import { createDatabase, type Db } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { seedDemo } from '../../server/seed/seed';
import { createScratchDatabase } from '../postgres';
import { buildReadyApp, type ReadyApp } from '../ready-app';

export interface FuzzApp extends ReadyApp {
  name: 'sqlite' | 'postgres';
}

/** One instant for both seeds, so display times and every row are the same. */
const SEED_TIME = new Date();

const FUZZ_ENV = {
  NODE_ENV: 'test',
  JWT_SECRET: 'fuzz-secret-that-is-long-enough-for-hs256-0123456789',
  SEED_ON_START: 'false',
  // A few failed logins per client address are enough to reach the 429 branch, and
  // keep the number of scrypt checks (a few hundred ms each) small.
  LOGIN_LIMIT_ADDRESS: '5',
};

async function buildOn(name: FuzzApp['name']): Promise<FuzzApp> {
  let databaseUrl: string;
  let db: Db;
  let drop: () => Promise<void>;
  if (name === 'postgres') {
    const scratch = await createScratchDatabase('photo_fuzz');
    databaseUrl = scratch.url;
    db = createDatabase({ dialect: 'postgres', url: scratch.url });
    drop = scratch.drop;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'photo-fuzz-'));
    databaseUrl = path.join(dir, 'fuzz.db');
    db = createDatabase({ dialect: 'sqlite', file: databaseUrl });
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  await migrateToLatest(db);
  await seedDemo(db, { now: SEED_TIME });
  const config = loadConfig({
    ...FUZZ_ENV,
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), `photo-fuzz-data-${name}-`)),
  });
  const ready = await buildReadyApp(config, db, async () => {
    await drop();
    rmSync(config.dataDir, { recursive: true, force: true });
  });
  return { name, ...ready };
}

/** The SQLite app and the PostgreSQL app, seeded alike. */
export async function buildDualApps(): Promise<[FuzzApp, FuzzApp]> {
  const sqlite = await buildOn('sqlite');
  try {
    return [sqlite, await buildOn('postgres')];
  } catch (error) {
    await sqlite.close();
    throw error;
  }
}

// Bookkeeping a refused request may legitimately write: the migrator's own tables,
// and failed-login counters (counting a refused login is their purpose).
const NOT_DATA = new Set(['kysely_migration', 'kysely_migration_lock', 'login_counters']);

async function tableNames(db: Db): Promise<string[]> {
  const query =
    db.dialect === 'sqlite'
      ? sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`;
  const { rows } = await query.execute(db.kysely);
  return rows
    .map((row) => row.name)
    .filter((name) => !NOT_DATA.has(name))
    .sort();
}

const encode = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    Buffer.isBuffer(v) ? createHash('sha1').update(v).digest('hex') : v,
  );

/**
 * Every table's row count and a checksum of its rows (in any order): equal
 * snapshots mean the request changed nothing.
 */
export async function snapshotDatabase(db: Db): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const table of await tableNames(db)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      db.kysely,
    );
    const lines = rows.map(encode).sort();
    const digest = createHash('sha1').update(lines.join('\n')).digest('hex').slice(0, 16);
    snapshot[table] = `${rows.length} rows, ${digest}`;
  }
  return snapshot;
}
