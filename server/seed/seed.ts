// The demo data (API.md §8): loaded on first start when the database has no users
// (main.ts), and by `npm run db:seed [-- --reset]`. One transaction: a failed seed
// leaves no half-written rows.
import type { Kysely, Transaction } from 'kysely';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/database';
import {
  isUniqueViolation,
  restartIdSequences,
  syncIdSequences,
  toDbBoolean,
  type Dialect,
} from '../db/portable';
import type { Database } from '../db/schema';
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
  /** Delete every row of the course tables (and the login sessions) first. */
  reset?: boolean;
  /** Timestamps are relative to it; default: the current time, so the feed looks fresh. */
  now?: Date;
}

export class SeedRefusedError extends Error {}

/** Insert order; deletion runs in reverse (foreign keys point backwards in this list). */
export const COURSE_TABLES = [
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

/** Deletes every row of the course tables and the login sessions, and restarts their ids. */
export async function deleteAllRows(executor: Kysely<Database>, dialect: Dialect): Promise<void> {
  await executor.deleteFrom('sessions').execute();
  for (const table of [...COURSE_TABLES].reverse()) {
    await executor.deleteFrom(table).execute();
  }
  await restartIdSequences(executor, dialect, COURSE_TABLES);
}

async function insertAll(
  trx: Transaction<Database>,
  dialect: Dialect,
  rows: DemoRows,
): Promise<void> {
  const users = rows.users.map((user) => ({
    ...user,
    is_verified: toDbBoolean(dialect, user.is_verified),
    is_disabled: toDbBoolean(dialect, user.is_disabled),
  }));
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
    await syncIdSequences(trx, db.dialect, COURSE_TABLES);
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
