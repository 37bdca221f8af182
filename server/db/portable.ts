// The one place where SQLite and PostgreSQL differ in what the app sees
// (STYLE.md "Data layer, portable by construction").
import { sql } from 'kysely';
import type { Executor } from './executor';

export type Dialect = 'sqlite' | 'postgres';

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

/** Both drivers return numbers for int4 ids; counts are normalised in database.ts. */
export function toNumber(value: number | string | bigint): number {
  return typeof value === 'number' ? value : Number(value);
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
