// The large seed for benchmarks (issue 2: `--users 100000` loads 100k users and 1M
// posts in minutes). Into an EMPTY database only, with explicit ids from
// large-rows.ts, batched multi-row inserts sized under each driver's parameter
// limit, one transaction per group of batches.
import { sql, type Transaction } from 'kysely';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/database';
import { syncIdSequences } from '../db/portable';
import type { Database } from '../db/schema';
import {
  commentRows,
  followRows,
  postRow,
  reactionRows,
  storyRows,
  userRow,
  type LargeShape,
} from './large-rows';
import { SeedRefusedError } from './seed';

export interface LargeSeedOptions {
  users: number;
  /** Default 10 (100k users -> 1M posts). */
  postsPerUser?: number;
  /** Default 15, at most users - 1. */
  followsPerUser?: number;
  /** Called after every batch with the rows written so far in the phase (a table name). */
  onProgress?: (done: number, total: number, phase: string) => void;
}

/** Moderate per-user numbers so 100k users load in minutes on two cores. */
const COMMENTS_PER_USER = 3;
const LIKES_PER_USER = 5;
const BOOKMARKS_PER_USER = 2;
const STORIES_PER_USER = 1;

/** Bound parameters per statement: SQLite's SQLITE_MAX_VARIABLE_NUMBER. */
const SQLITE_PARAMETER_LIMIT = 32_766;
const MAX_BATCH_ROWS = 5_000;
/** PostgreSQL binds one array per column (insertUnnest): a handful of parameters, far below its 65535. */
const PG_BATCH_ROWS = 10_000;
const ROWS_PER_TRANSACTION = 50_000;

type Table = keyof Database;

interface Phase {
  table: Table;
  /** Rows each user contributes (the same for every user, so ids are arithmetic). */
  perUser: number;
  rowsOf: (userId: number, firstId: number) => Array<Record<string, unknown>>;
}

function requireInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max} (got ${value}).`);
  }
  return value;
}

/** Loads the large data set; throws SeedRefusedError when the database already has users. */
export async function seedLarge(db: Db, options: LargeSeedOptions): Promise<void> {
  const users = requireInteger('users', options.users, 1, 10_000_000);
  const postsPerUser = requireInteger('postsPerUser', options.postsPerUser ?? 10, 0, 1_000);
  const followsPerUser = Math.min(
    requireInteger('followsPerUser', options.followsPerUser ?? 15, 0, 1_000),
    users - 1,
  );

  const existing = await db.kysely
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  if (Number(existing.count) > 0) {
    throw new SeedRefusedError(
      `The database already has ${existing.count} users: the large seed loads into an empty database. ` +
        'Run npm run db:seed -- --reset --users N to wipe it first, or point DATABASE_URL at a new database.',
    );
  }

  const visiblePosts = followsPerUser * postsPerUser;
  const shape: LargeShape = {
    users,
    postsPerUser,
    followsPerUser,
    commentsPerUser: visiblePosts > 0 ? COMMENTS_PER_USER : 0,
    likesPerUser: Math.min(LIKES_PER_USER, visiblePosts),
    bookmarksPerUser: Math.min(BOOKMARKS_PER_USER, visiblePosts),
    storiesPerUser: STORIES_PER_USER,
    now: Date.now(),
    // One scrypt hash shared by every user: hashing 100k passwords would take hours.
    passwordHash: await hashPassword('password', { salt: 'fixedsaltlargeseed' }),
  };

  const phases: Phase[] = [
    { table: 'users', perUser: 1, rowsOf: (u) => [userRow(shape, u)] },
    {
      table: 'posts',
      perUser: postsPerUser,
      rowsOf: (_u, first) =>
        Array.from({ length: postsPerUser }, (_, k) => postRow(shape, first + k)),
    },
    {
      table: 'following',
      perUser: followsPerUser,
      rowsOf: (u, first) => followRows(shape, u, first),
    },
    {
      table: 'comments',
      perUser: shape.commentsPerUser,
      rowsOf: (u, first) => commentRows(shape, u, first),
    },
    {
      table: 'likes_posts',
      perUser: shape.likesPerUser,
      rowsOf: (u, first) => reactionRows(shape, 'likes', u, first),
    },
    {
      table: 'bookmarks',
      perUser: shape.bookmarksPerUser,
      rowsOf: (u, first) => reactionRows(shape, 'bookmarks', u, first),
    },
    {
      table: 'stories',
      perUser: STORIES_PER_USER,
      rowsOf: (u, first) => storyRows(shape, u, first),
    },
  ];

  const restoreCache = await enlargeSqliteCache(db);
  try {
    for (const phase of phases) {
      if (phase.perUser === 0) continue;
      try {
        await insertPhase(db, shape, phase, options.onProgress);
      } catch (error) {
        // Earlier batch groups are committed: say so, and how to start over.
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `The large seed failed while loading ${phase.table} (${reason}). The database is partly loaded: ` +
            `run npm run db:seed -- --reset --users ${users} to start over.`,
          { cause: error },
        );
      }
    }
    await finish(
      db,
      phases.map((phase) => phase.table),
    );
  } finally {
    await restoreCache();
  }
}

/**
 * Likes and comments land at random places in their indexes; with SQLite's default
 * 2 MB page cache that turns into constant page reads. 256 MB for the load, then back.
 */
async function enlargeSqliteCache(db: Db): Promise<() => Promise<void>> {
  if (db.dialect !== 'sqlite') return async () => undefined;
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(db.kysely);
  const previous = Number(before.rows[0]?.cache_size ?? -2000);
  await sql`pragma cache_size = -262144`.execute(db.kysely);
  return async () => {
    await sql.raw(`pragma cache_size = ${previous}`).execute(db.kysely);
  };
}

async function insertPhase(
  db: Db,
  shape: LargeShape,
  phase: Phase,
  onProgress: LargeSeedOptions['onProgress'],
): Promise<void> {
  const total = shape.users * phase.perUser;
  const columns = Object.keys(phase.rowsOf(1, 1)[0] ?? {}).length;
  const batchRows =
    db.dialect === 'postgres'
      ? PG_BATCH_ROWS
      : Math.min(MAX_BATCH_ROWS, Math.floor(SQLITE_PARAMETER_LIMIT / columns));
  let done = 0;
  let userId = 1;
  onProgress?.(0, total, phase.table);

  while (userId <= shape.users) {
    await db.kysely.transaction().execute(async (trx) => {
      // Durability of each batch group does not matter for a bulk load that is rerun on failure.
      if (db.dialect === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
      let buffer: Array<Record<string, unknown>> = [];
      const flush = async () => {
        await insertBatch(trx, db.dialect, phase.table, buffer);
        done += buffer.length;
        buffer = [];
        onProgress?.(done, total, phase.table);
      };
      const stopAt = done + ROWS_PER_TRANSACTION;
      while (userId <= shape.users && done + buffer.length < stopAt) {
        for (const row of phase.rowsOf(userId, (userId - 1) * phase.perUser + 1)) buffer.push(row);
        userId++;
        if (buffer.length >= batchRows) {
          const rest = buffer.splice(batchRows);
          await flush();
          buffer = rest;
        }
      }
      if (buffer.length > 0) await flush();
    });
  }
}

async function insertBatch(
  trx: Transaction<Database>,
  dialect: Db['dialect'],
  table: Table,
  rows: Array<Record<string, unknown>>,
) {
  if (dialect === 'postgres') {
    await insertUnnest(trx, table, rows);
    return;
  }
  // The rows come typed from large-rows.ts; the table is only known at run time here.
  await trx
    .insertInto(table)
    .values(rows as never)
    .execute();
}

const TIMESTAMP_COLUMNS = new Set(['date_created', 'pub_date', 'timestamp']);

/**
 * PostgreSQL: one array parameter per column (`insert ... select * from unnest(...)`),
 * which spares both sides tens of thousands of bound parameters per statement.
 */
async function insertUnnest(
  trx: Transaction<Database>,
  table: Table,
  rows: Array<Record<string, unknown>>,
) {
  const columns = Object.keys(rows[0] ?? {});
  const arrays = columns.map((column) => {
    const values = rows.map((row) => row[column]);
    const type = TIMESTAMP_COLUMNS.has(column)
      ? 'timestamp'
      : typeof values[0] === 'number'
        ? 'integer'
        : 'text';
    return sql`${values}::${sql.raw(type)}[]`;
  });
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))}) select * from unnest(${sql.join(arrays)})`.execute(
    trx,
  );
}

/** PostgreSQL sequences do not move for explicit ids; both planners need fresh statistics. */
async function finish(db: Db, tables: Table[]): Promise<void> {
  await syncIdSequences(db.kysely, db.dialect, tables);
  await sql`analyze`.execute(db.kysely);
}
