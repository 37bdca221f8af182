// The only file that names the drivers (STYLE.md). Both dialects are wrapped in
// one Kysely<Database>; everything above this file is dialect-agnostic except
// where portable.ts says otherwise.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { Dialect } from './portable';
import type { Database } from './schema';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Answers true when a trivial statement succeeds (for /healthz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Called after every statement (tests count statements with it). */
  onQuery?: (sql: string) => void;
}

const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

/** Keep `timestamp without time zone` as text (it is UTC by contract) and counts as numbers. */
function pgTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === TIMESTAMP_OID) return (value: string) => value;
  if (oid === INT8_OID) return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format as 'text');
}

export function createDatabase(config: DatabaseConfig, options: DatabaseOptions = {}): Db {
  const log = options.onQuery ? (event: LogEvent) => options.onQuery?.(event.query.sql) : undefined;

  if (config.dialect === 'sqlite') {
    mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    // SQLite leaves foreign keys (and so ON DELETE CASCADE) off unless asked.
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log });
    return {
      kysely,
      dialect: 'sqlite',
      ping: async () => sqlite.prepare('select 1 as ok').get() !== undefined,
      close: () => kysely.destroy(),
    };
  }

  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    connectionTimeoutMillis: 5000,
    types: { getTypeParser: pgTypeParser } as pg.CustomTypesConfig,
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  return {
    kysely,
    dialect: 'postgres',
    ping: async () => {
      const result = await pool.query('select 1 as ok');
      return result.rowCount === 1;
    },
    close: () => kysely.destroy(),
  };
}
