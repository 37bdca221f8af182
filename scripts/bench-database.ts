// The database `npm run bench` measures: an existing one (--database), or a
// temporary SQLite file / PostgreSQL database (--pg) loaded with the demo seed or,
// with --large N, the large seed. Temporary ones are removed by drop().
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseDatabaseUrl, type DatabaseConfig } from '../server/config';
import { createDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { seedLarge } from '../server/seed/large';
import { createProgressBar } from '../server/seed/progress-bar';
import { seedDemo } from '../server/seed/seed';

export interface BenchDatabaseOptions {
  /** Use this database as it is (it must hold webdev / password); nothing is seeded or dropped. */
  existing?: string;
  postgres: boolean;
  /** Server-level PostgreSQL URL used to create and drop the temporary database. */
  pgAdminUrl: string;
  largeUsers?: number;
  postsPerUser?: number;
}

export interface BenchDatabase {
  /** DATABASE_URL for the server. */
  url: string;
  dialect: DatabaseConfig['dialect'];
  /** What was loaded, for the report: "demo", "large 100000 users" or "existing, N posts". */
  dataset: string;
  seedSeconds: number | null;
  drop(): Promise<void>;
}

async function withAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function prepareBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  if (options.existing) {
    const config = parseDatabaseUrl(options.existing, process.cwd(), '--database');
    const url = config.dialect === 'sqlite' ? config.file : config.url;
    const db = createDatabase(config);
    const counted = await db.kysely
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
      .finally(() => db.close());
    return {
      url,
      dialect: config.dialect,
      dataset: `existing, ${Number(counted.count).toLocaleString('en-US')} posts`,
      seedSeconds: null,
      drop: async () => undefined,
    };
  }

  let config: DatabaseConfig;
  let drop: () => Promise<void>;
  if (options.postgres) {
    const name = `photo_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    await withAdmin(options.pgAdminUrl, `create database "${name}"`);
    const url = new URL(options.pgAdminUrl);
    url.pathname = `/${name}`;
    config = { dialect: 'postgres', url: url.toString() };
    drop = () => withAdmin(options.pgAdminUrl, `drop database if exists "${name}" with (force)`);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'photo-bench-'));
    config = { dialect: 'sqlite', file: path.join(dir, 'bench.db') };
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }

  const db = createDatabase(config);
  const started = Date.now();
  try {
    await migrateToLatest(db);
    if (options.largeUsers === undefined) {
      await seedDemo(db);
    } else {
      await seedLarge(db, {
        users: options.largeUsers,
        postsPerUser: options.postsPerUser,
        onProgress: createProgressBar(),
      });
    }
  } catch (error) {
    await db.close();
    await drop();
    throw error;
  }
  await db.close();
  return {
    url: config.dialect === 'sqlite' ? config.file : config.url,
    dialect: config.dialect,
    dataset: options.largeUsers === undefined ? 'demo' : `large ${options.largeUsers} users`,
    seedSeconds: (Date.now() - started) / 1000,
    drop,
  };
}
