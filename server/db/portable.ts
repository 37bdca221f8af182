// The one place where SQLite and PostgreSQL differ in what the app sees
// (STYLE.md "Data layer, portable by construction").
import { sql } from 'kysely';
import type { Executor } from './executor';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The column type of a UTC timestamp: `timestamp` (without time zone) on PostgreSQL,
 * ISO-like text on SQLite, as the Flask app's SQLAlchemy models create them.
 */
export function timestampColumnType(dialect: Dialect): 'timestamp' | 'text' {
  return dialect === 'postgres' ? 'timestamp' : 'text';
}

/** A boolean as the driver accepts it: better-sqlite3 refuses JS booleans, so 1/0 there. */
export function toDbBoolean(dialect: Dialect, value: boolean): boolean | number {
  return dialect === 'sqlite' ? Number(value) : value;
}

/**
 * After rows were written with explicit ids: PostgreSQL's serial sequences do not
 * move for them, so each is pointed at max(id) + 1, or later inserts through the
 * app would collide. SQLite's AUTOINCREMENT follows explicit ids by itself.
 */
export async function syncIdSequences(
  executor: Executor,
  dialect: Dialect,
  tables: ReadonlyArray<keyof Database>,
): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const table of tables) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
      executor,
    );
  }
}

/** After every row of `tables` was deleted: their next ids start at 1 again. */
export async function restartIdSequences(
  executor: Executor,
  dialect: Dialect,
  tables: ReadonlyArray<keyof Database>,
): Promise<void> {
  if (dialect === 'sqlite') {
    // AUTOINCREMENT remembers the largest id ever used; forget it with the rows.
    // (A database whose tables SQLAlchemy created has no AUTOINCREMENT table, and so no sqlite_sequence.)
    const counters = await sql<{
      name: string;
    }>`select name from sqlite_master where name = 'sqlite_sequence'`.execute(executor);
    if (counters.rows.length > 0) {
      await sql`delete from sqlite_sequence where name in (${sql.join([...tables])})`.execute(
        executor,
      );
    }
  }
  await syncIdSequences(executor, dialect, tables);
}

/** A JS Date as the text both dialects store in a `timestamp without time zone` column (UTC). */
export function toDbTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** Reads a stored UTC timestamp, whichever driver returned it. */
export function fromDbTime(value: string | Date): Date {
  if (value instanceof Date) return value;
  const iso = value.includes('T') ? value : value.replace(' ', 'T');
  // Timestamps are stored without a zone and are UTC by contract (API.md §2).
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : iso + 'Z');
}

interface DriverError {
  code?: unknown;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as DriverError).code;
  return typeof code === 'string' ? code : undefined;
}

/** A unique constraint refused the row (pg 23505, SQLite SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY). */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** A foreign key refused the row: what it points at was deleted meanwhile (pg 23503). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Inside a transaction: waits until no other transaction holding the same `lock`
 * is running, so a check-then-write (is this username free? then insert) cannot
 * interleave with another. SQLite transactions begin IMMEDIATE (one writer at a
 * time) already; PostgreSQL takes a transaction-scoped advisory lock.
 */
export async function serializeTransactions(
  transaction: Executor,
  dialect: Dialect,
  lock: number,
): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${lock})`.execute(transaction);
}
