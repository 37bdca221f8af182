// The only file that names the drivers (STYLE.md). Both dialects are wrapped in
// one Kysely<Database>; everything above this file is dialect-agnostic except
// where portable.ts says otherwise. API.md §10: no database event may end the
// process, and no statement may wait without bound.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  type LogEvent,
  type PostgresPool,
  type PostgresPoolClient,
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import { createAvailability, type Availability } from './availability';
import type { Dialect } from './portable';
import type { PostgresSsl } from './postgres-ssl';
import type { Database } from './schema';
import { BusyRetrySqliteDialect } from './sqlite-busy';
import { cacheSqliteStatements, nameRepeatedStatements } from './statement-cache';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Up or down as last seen, and the one place that notices the change. */
  availability: Availability;
  /** Answers true when a trivial statement succeeds (for /healthz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseTimeouts {
  /** Opening a PostgreSQL connection (or waiting for a free one in the pool). */
  connectMs: number;
  /** One statement: PostgreSQL's statement_timeout; SQLite's wait for the write lock. */
  statementMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 3000, statementMs: 5000 };

export interface DatabaseOptions {
  /** Called after every statement (tests count statements with it; bench-explain replays them). */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
  timeouts?: DatabaseTimeouts;
}

const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
/** How long SQLite itself may block the event loop on a lock before sqlite-busy.ts retries. */
const SQLITE_BUSY_TIMEOUT_MS = 50;

/** Keep `timestamp without time zone` as text (it is UTC by contract) and counts as numbers. */
function pgTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === TIMESTAMP_OID) return (value: string) => value;
  if (oid === INT8_OID) return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format as 'text');
}

export function createDatabase(config: DatabaseConfig, options: DatabaseOptions = {}): Db {
  const timeouts = options.timeouts ?? DEFAULT_DATABASE_TIMEOUTS;
  const log = options.onQuery
    ? (event: LogEvent) => options.onQuery?.(event.query.sql, event.query.parameters)
    : undefined;
  return config.dialect === 'sqlite'
    ? openSqlite(config.file, timeouts, log)
    : openPostgres(config.url, config.ssl, timeouts, log);
}

function openSqlite(file: string, timeouts: DatabaseTimeouts, log?: (event: LogEvent) => void): Db {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  // WAL: readers never wait for the writer, and several processes share the file.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // FULL: a commit is on disk before the 2xx (API.md §10: an answered write is never lost).
  sqlite.pragma('synchronous = FULL');
  // SQLite leaves foreign keys (and so ON DELETE CASCADE) off unless asked.
  sqlite.pragma('foreign_keys = ON');
  const dialect = new BusyRetrySqliteDialect(
    { database: cacheSqliteStatements(sqlite) },
    { inTransaction: () => sqlite.inTransaction, budgetMs: timeouts.statementMs },
  );
  const kysely = new Kysely<Database>({ dialect, log });
  return {
    kysely,
    dialect: 'sqlite',
    availability: createAvailability(),
    ping: async () => sqlite.prepare('select 1 as ok').get() !== undefined,
    close: () => kysely.destroy(),
  };
}

/** Connections each process's pool holds at most. */
export const PG_POOL_SIZE = 10;

function openPostgres(
  url: string,
  ssl: PostgresSsl | undefined,
  timeouts: DatabaseTimeouts,
  log?: (event: LogEvent) => void,
): Db {
  const availability = createAvailability();
  const pool = new pg.Pool({
    connectionString: url,
    // From sslmode / PGSSLMODE with libpq's meaning (postgres-ssl.ts); absent: pg's own.
    ...(ssl === undefined ? {} : { ssl }),
    max: PG_POOL_SIZE,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: timeouts.connectMs,
    // The server cancels a slow statement; the client gives up a little later in
    // case the server cannot even answer (a hung host, a dropped network): that read
    // timeout is reportingPool's, not node-postgres's query_timeout (see there).
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.statementMs * 2,
    keepAlive: true,
    types: { getTypeParser: pgTypeParser } as pg.CustomTypesConfig,
  });
  // An idle client that loses its connection (a restart, pg_terminate_backend) is
  // reported here and dropped by the pool; without a listener the process would exit.
  pool.on('error', (error) => availability.reportFailure(error));
  // A client in use that loses its connection fails its query (handled by the
  // caller) and emits 'error' too, which must not go unheard either.
  pool.on('connect', (client) => client.on('error', () => undefined));
  // Parse each statement once per connection (statement-cache.ts).
  nameRepeatedStatements(pool);
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: reportingPool(pool, availability, timeouts.statementMs + READ_TIMEOUT_MARGIN_MS),
    }),
    log,
  });
  return {
    kysely,
    dialect: 'postgres',
    availability,
    ping: async () => {
      try {
        const result = await pool.query('select 1 as ok');
        availability.reportSuccess();
        return result.rowCount === 1;
      } catch (error) {
        availability.reportFailure(error);
        throw error;
      }
    },
    close: () => kysely.destroy(),
  };
}

/** How much longer than statement_timeout the client waits for an answer at all. */
export const READ_TIMEOUT_MARGIN_MS = 1000;

/**
 * The pool as Kysely sees it: every outcome updates `availability`, and a client
 * whose query failed on the connection itself (or got no answer within
 * `readTimeoutMs`, leaving the connection in an unknown state) is destroyed on
 * release instead of being handed to the next request.
 *
 * Queries go through node-postgres's callback API with this read timeout, not its
 * promise API or its `query_timeout`: both of those wrap the query's callback in a
 * closure of `client.query`'s scope, and with either one a query's rows outlived two
 * young-generation collections and were promoted to the old generation, to be freed
 * only by full collections (measured with `--trace-gc-nvp`: 27–31 KB promoted per
 * feed page against 1.4–4 KB this way; README, Performance).
 */
function reportingPool(
  pool: pg.Pool,
  availability: Availability,
  readTimeoutMs: number,
): PostgresPool {
  return {
    async connect() {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        availability.reportFailure(error);
        throw error;
      }
      let broken: Error | undefined;
      const query = (sql: string, parameters: ReadonlyArray<unknown>) =>
        new Promise<pg.QueryResult>((resolve, reject) => {
          let settled = false;
          const fail = (error: Error) => {
            settled = true;
            availability.reportFailure(error);
            // A driver or connection error, not the server's answer to this statement.
            if (!('severity' in error)) broken = error;
            reject(error);
          };
          const timer = setTimeout(() => fail(new Error('Query read timeout')), readTimeoutMs);
          try {
            client.query(
              sql,
              parameters as unknown[],
              (error: Error | null, result: pg.QueryResult) => {
                clearTimeout(timer);
                if (settled) return;
                if (error) return fail(error);
                settled = true;
                availability.reportSuccess();
                resolve(result);
              },
            );
          } catch (error) {
            // A call node-postgres refuses outright (it answers most through the callback).
            clearTimeout(timer);
            fail(error instanceof Error ? error : new Error(String(error)));
          }
        });
      const wrapped = { query, release: () => client.release(broken) };
      return wrapped as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
