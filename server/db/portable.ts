// The one place where SQLite and PostgreSQL differ in what the app sees
// (STYLE.md "Data layer, portable by construction").
import { PostgresAdapter, sql, type Expression, type RawBuilder } from 'kysely';
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

/**
 * The dialect of a database or transaction, for what builds a query from the Kysely
 * executor alone (a compiled query's builder); the app's Db carries it as `dialect`.
 */
export function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * A JSON value as the driver returns it: text on SQLite, parsed already on
 * PostgreSQL (node-postgres parses `json` columns).
 */
export type StoredJson<T> = T | string;

export function fromDbJson<T>(value: StoredJson<T>): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/**
 * An aggregate of the rows it is selected over: a JSON array holding, per row, the
 * array of `values`, in `orderBy` order; `[]` when there is no row. Arrays rather
 * than objects, so the keys are not repeated per row. Both dialects order inside the
 * aggregate (SQLite since 3.44).
 */
export function jsonArrayOfRows<Row extends unknown[]>(
  db: Executor,
  values: ReadonlyArray<Expression<unknown>>,
  orderBy: ReadonlyArray<Expression<unknown>>,
): RawBuilder<StoredJson<Row[]>> {
  const postgres = dialectOf(db) === 'postgres';
  const row = postgres
    ? sql`json_build_array(${sql.join(values)})`
    : sql`json_array(${sql.join(values)})`;
  const order = sql.join(orderBy);
  return postgres
    ? sql`coalesce(json_agg(${row} order by ${order}), '[]')`
    : sql`coalesce(json_group_array(${row} order by ${order}), '[]')`;
}

/**
 * A timestamp column as the text the driver returns for it outside JSON (PostgreSQL
 * would write it into JSON in ISO form with a "T"); SQLite stores that text already.
 */
export function storedTimeText(db: Executor, time: Expression<unknown>): RawBuilder<string> {
  return dialectOf(db) === 'postgres' ? sql<string>`cast(${time} as text)` : sql<string>`${time}`;
}

/** A boolean as the driver accepts it: better-sqlite3 refuses JS booleans, so 1/0 there. */
export function toDbBoolean(dialect: Dialect, value: boolean): boolean | number {
  return dialect === 'sqlite' ? Number(value) : value;
}

/**
 * A LIMIT written into the SQL text instead of bound as a parameter. SQLite (built
 * with STAT4, as better-sqlite3 is) marks a statement whose LIMIT is a parameter as
 * expired whenever that parameter is bound again, and compiles it anew on its next
 * run, since the value may change the plan: the feed's statement was compiled again
 * on every request (≈ 130 µs of its CPU, seen as sqlite3Reprepare in a profile).
 * Only a non-negative integer passes, so nothing but digits reaches the SQL.
 */
export function literalLimit(count: number): RawBuilder<number> {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new TypeError(`A LIMIT must be a non-negative integer, not ${String(count)}.`);
  }
  return sql.lit(count);
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
  // Every post and comment of a page goes through here (≈ 3 % of the feed's CPU time
  // in Date's string parser): the stored form is read digit by digit.
  const time = readStoredTime(value);
  if (time !== undefined) return new Date(time);
  const iso = value.includes('T') ? value : value.replace(' ', 'T');
  // Timestamps are stored without a zone and are UTC by contract (API.md §2).
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : iso + 'Z');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Milliseconds of `YYYY-MM-DD HH:MM:SS[.fraction]` (or with a `T`), no zone, a real
 * date from the year 1000: how both dialects store time. Anything else is undefined,
 * and left to Date's own parser.
 */
function readStoredTime(text: string): number | undefined {
  if (text.length < 19 || text.length > 29) return undefined;
  const separator = text.charCodeAt(10);
  if (
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 ||
    (separator !== 32 /* space */ && separator !== 84) /* T */ ||
    text.charCodeAt(13) !== 58 /* : */ ||
    text.charCodeAt(16) !== 58
  ) {
    return undefined;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  const hour = digitsAt(text, 11, 13);
  const minute = digitsAt(text, 14, 16);
  const second = digitsAt(text, 17, 19);
  let millisecond = 0;
  if (text.length > 19) {
    // Date keeps the first three digits of a fraction and drops the rest.
    if (text.charCodeAt(19) !== 46 /* . */ || text.length === 20) return undefined;
    if (digitsAt(text, 20, text.length) < 0) return undefined;
    const end = Math.min(text.length, 23);
    millisecond = digitsAt(text, 20, end) * 10 ** (23 - end);
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    return undefined;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}

/** The decimal number written in text[from, to), or -1 if any character is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
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
