// Prepare each statement once per connection instead of on every request. Kysely
// compiles a query to the same SQL text every time it has the same shape, but its
// SQLite driver calls better-sqlite3's prepare() for every execution (12 % of the
// feed's CPU time in a profile), and node-postgres sends an unnamed statement that
// PostgreSQL parses and plans again each time. Keyed by SQL text, so a query whose
// shape varies (an IN list of n values) takes one entry per shape; both caches are
// bounded so an unusual stream of shapes cannot grow them without limit.
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type pg from 'pg';

/** Statements kept per SQLite database; the app has a few dozen shapes. */
export const SQLITE_STATEMENT_CAPACITY = 500;
/** Named statements per PostgreSQL connection (each costs memory on the server). */
export const PG_STATEMENT_CAPACITY = 200;

/** What Kysely's SqliteDialect needs of a database: prepare() and close(). */
export interface PreparingDatabase {
  prepare(sql: string): Statement;
  close(): void;
}

/**
 * `sqlite` for Kysely, with prepare() answering a cached statement for SQL it has
 * seen. Safe because Kysely's SQLite driver runs one query at a time (its connection
 * mutex), so a statement is never in use twice at once; least recently used first out.
 */
export function cacheSqliteStatements(
  sqlite: SqliteDatabase,
  capacity = SQLITE_STATEMENT_CAPACITY,
): PreparingDatabase {
  const cache = new Map<string, Statement>();
  return {
    prepare(sql: string): Statement {
      let statement = cache.get(sql);
      if (statement !== undefined) {
        // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
        cache.delete(sql);
        cache.set(sql, statement);
        return statement;
      }
      statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return statement;
    },
    close: () => sqlite.close(),
  };
}

type QueryFunction = (...args: unknown[]) => unknown;

/**
 * Makes every pooled connection send parameterised SQL as named prepared statements
 * (parse once per connection, then only bind and execute). Names are given per SQL
 * text for the whole pool; past `capacity` distinct texts, new ones go unnamed.
 */
export function nameRepeatedStatements(pool: pg.Pool, capacity = PG_STATEMENT_CAPACITY): void {
  const names = new Map<string, string>();
  const nameFor = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < capacity) {
      name = `photo_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as QueryFunction;
    (client as unknown as { query: QueryFunction }).query = (...args: unknown[]) => {
      const [text, values] = args;
      // Only (text, values[]) calls with parameters, i.e. Kysely's queries: query
      // configs, cursors, callbacks and parameterless DDL / transaction control pass through.
      if (
        typeof text !== 'string' ||
        !Array.isArray(values) ||
        values.length === 0 ||
        args.length !== 2
      ) {
        return query(...args);
      }
      const name = nameFor(text);
      return name === undefined ? query(text, values) : query({ name, text, values });
    };
  });
}
