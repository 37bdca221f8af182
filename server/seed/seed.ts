// The demo data (API.md §8): loaded on first start when the database has no users
// (main.ts), and by `npm run db:seed [-- --reset]`. One transaction: a failed seed
// leaves no half-written rows.
import { sql, type Kysely, type Transaction } from 'kysely';
import { hashPassword } from '../../auth/passwords';
import type { Db } from '../database';
import { isUniqueViolation, type Dialect } from '../portable';
import type { Database } from '../schema';
import { generateDemoData, type DemoRows } from './demo-data';

/** Every demo user's password (API.md §8); the README says how to change it. */
export const DEMO_PASSWORD = 'password';
/** A fixed salt keeps password_hash identical on every run (API.md §8 "deterministic"). */
const DEMO_SALT = 'photo-app-demo-seed';

export interface SeedSummary {
  users: number;
  following: number;
  posts: number;
  comments: number;
  likes_posts: number;
  likes_comments: number;
  bookmarks: number;
  stories: number;
}

export interface SeedOptions {
  /** Delete every row of the course tables (and revoked_tokens) first. */
  reset?: boolean;
  /** Timestamps are relative to it; default: the current time, so the feed looks fresh. */
  now?: Date;
}

export class SeedRefusedError extends Error {}

/** Insert order; deletion runs in reverse (foreign keys point backwards in this list). */
const COURSE_TABLES = [
  'users',
  'following',
  'posts',
  'comments',
  'likes_posts',
  'likes_comments',
  'bookmarks',
  'stories',
] as const satisfies ReadonlyArray<keyof DemoRows & keyof Database>;

/** Rows per INSERT: far below both drivers' parameter limits for these narrow tables. */
const BATCH_ROWS = 500;

let demoHash: Promise<string> | undefined;
/** scrypt at OWASP strength is slow on purpose: hash the demo password once per process. */
function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD, { salt: DEMO_SALT });
  return demoHash;
}

/** Deletes every row of the course tables and revoked_tokens, and restarts their ids. */
export async function deleteAllRows(executor: Kysely<Database>, dialect: Dialect): Promise<void> {
  await executor.deleteFrom('revoked_tokens').execute();
  for (const table of [...COURSE_TABLES].reverse()) {
    await executor.deleteFrom(table).execute();
  }
  if (dialect === 'sqlite') {
    // AUTOINCREMENT remembers the largest id ever used; forget it with the rows.
    // (A database whose tables SQLAlchemy created has no AUTOINCREMENT table, and so no sqlite_sequence.)
    const counters = await sql<{
      name: string;
    }>`select name from sqlite_master where name = 'sqlite_sequence'`.execute(executor);
    if (counters.rows.length > 0) {
      await sql`delete from sqlite_sequence where name in (${sql.join([...COURSE_TABLES])})`.execute(
        executor,
      );
    }
  }
  await syncSequences(executor, dialect);
}

/**
 * PostgreSQL: explicit ids do not advance serial sequences, so point each at
 * max(id) + 1, or later inserts through the app would collide with seeded rows.
 */
async function syncSequences(executor: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const table of COURSE_TABLES) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
      executor,
    );
  }
}

async function insertAll(
  trx: Transaction<Database>,
  dialect: Dialect,
  rows: DemoRows,
): Promise<void> {
  // better-sqlite3 refuses JS booleans (STYLE.md "Known traps").
  const users =
    dialect === 'sqlite'
      ? rows.users.map((user) => ({
          ...user,
          is_verified: Number(user.is_verified),
          is_disabled: Number(user.is_disabled),
        }))
      : rows.users;
  const byTable: { [T in (typeof COURSE_TABLES)[number]]: ReadonlyArray<Record<string, unknown>> } =
    { ...rows, users };
  for (const table of COURSE_TABLES) {
    const tableRows = byTable[table];
    for (let start = 0; start < tableRows.length; start += BATCH_ROWS) {
      await trx
        .insertInto(table)
        .values(tableRows.slice(start, start + BATCH_ROWS) as never)
        .execute();
    }
  }
}

/** Loads the demo data. Refuses (SeedRefusedError) when users exist, unless `reset`. */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const rows = generateDemoData({
    now: options.now ?? new Date(),
    passwordHash: await demoPasswordHash(),
  });
  await db.kysely.transaction().execute(async (trx) => {
    if (options.reset) {
      await deleteAllRows(trx, db.dialect);
    } else if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) {
      throw new SeedRefusedError(
        'The database already has users: the demo seed loads into an empty database. Run npm run db:seed -- --reset to wipe it and reseed.',
      );
    }
    await insertAll(trx, db.dialect, rows);
    await syncSequences(trx, db.dialect);
  });
  return Object.fromEntries(
    COURSE_TABLES.map((table) => [table, rows[table].length]),
  ) as unknown as SeedSummary;
}

/** Seeds only when `users` has no rows; answers whether it did. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  if (await db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst()) return false;
  try {
    await seedDemo(db);
    return true;
  } catch (error) {
    // Another instance started against the same database and seeded it first.
    if (error instanceof SeedRefusedError || isUniqueViolation(error)) return false;
    throw error;
  }
}
