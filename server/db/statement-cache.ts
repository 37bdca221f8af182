// Prepare each statement once per connection instead of on every request. Kysely
// compiles a query to the same SQL text every time it has the same shape, but its
// SQLite driver calls better-sqlite3's prepare() for every execution (12 % of the
// feed's CPU time in a profile), and node-postgres sends an unnamed statement that
// PostgreSQL parses and plans again each time. Keyed by SQL text, so a query whose
// shape varies (an IN list of n values) takes one entry per shape; both caches are
// bounded so an unusual stream of shapes cannot grow them without limit.
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { SqliteStatement } from 'kysely';
import type pg from 'pg';

/** Statements kept per SQLite database; the app has a few dozen shapes. */
export const SQLITE_STATEMENT_CAPACITY = 500;
/** Named statements per PostgreSQL connection (each costs memory on the server). */
export const PG_STATEMENT_CAPACITY = 200;

/** What Kysely's SqliteDialect needs of a database: prepare() and close(). */
export interface PreparingDatabase {
  prepare(sql: string): SqliteStatement;
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
  const cache = new Map<string, SqliteStatement>();
  const schemaVersion = sqlite.prepare('pragma schema_version').pluck();
  const currentSchema = () => schemaVersion.get() as number;
  return {
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement !== undefined) {
        // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
        cache.delete(sql);
        cache.set(sql, statement);
        return statement;
      }
      const prepared = sqlite.prepare(sql);
      statement = prepared.reader ? new RowObjects(prepared, currentSchema) : prepared;
      cache.set(sql, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return statement;
    },
    close: () => sqlite.close(),
  };
}

type Row = Record<string, unknown>;

/**
 * A reading statement answering the same row objects as better-sqlite3, built faster:
 * better-sqlite3 makes each row object in C++ a property at a time (35–50 % of the
 * feed's statement time, measured), while raw mode hands over arrays that one
 * function made for the statement's columns turns into objects of a single shape.
 * The columns are read again when the schema changed (a migration, or another
 * program altering a table under a `select *`).
 */
class RowObjects implements SqliteStatement {
  readonly reader = true;
  readonly #statement: Statement;
  readonly #currentSchema: () => number;
  /** The row function and the schema version its columns were read at; none before the first run. */
  #toRow: { schema: number; make: (values: unknown[]) => Row } | undefined;

  constructor(statement: Statement, currentSchema: () => number) {
    this.#statement = statement.raw(true);
    this.#currentSchema = currentSchema;
  }

  all(parameters: readonly unknown[]): Row[] {
    const rows = this.#statement.all(parameters) as unknown[][];
    const toRow = this.#rowMaker();
    const objects = new Array<Row>(rows.length);
    for (let i = 0; i < rows.length; i++) objects[i] = toRow(rows[i]!);
    return objects;
  }

  *iterate(parameters: readonly unknown[]): IterableIterator<Row> {
    let toRow: ((values: unknown[]) => Row) | undefined;
    for (const values of this.#statement.iterate(parameters)) {
      toRow ??= this.#rowMaker();
      yield toRow(values as unknown[]);
    }
  }

  run(parameters: readonly unknown[]) {
    return this.#statement.run(parameters);
  }

  /** Called after the statement ran: SQLite prepares it again for a new schema only when it runs. */
  #rowMaker(): (values: unknown[]) => Row {
    const schema = this.#currentSchema();
    if (this.#toRow?.schema !== schema) {
      const names = this.#statement.columns().map((column) => column.name);
      this.#toRow = { schema, make: rowMaker(names) };
    }
    return this.#toRow.make;
  }
}

/**
 * `values => ({ "name": values[0], ... })` for these column names, compiled once so
 * that every row has the same hidden class. Like better-sqlite3, a repeated name
 * keeps its first place and its last value. Names are JSON-quoted; a column named
 * `__proto__` is a computed key, so it is an own property and never the row's prototype.
 */
export function rowMaker(names: readonly string[]): (values: unknown[]) => Row {
  const properties = names.map((name, index) => {
    const key = name === '__proto__' ? '["__proto__"]' : JSON.stringify(name);
    return `${key}: values[${index}]`;
  });
  return new Function('values', `return { ${properties.join(', ')} };`) as (
    values: unknown[],
  ) => Row;
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
      const [text, values, callback] = args;
      // Only (text, values[]) or (text, values[], callback) calls with parameters, i.e.
      // the app's queries (database.ts): query configs, cursors and parameterless DDL /
      // transaction control pass through.
      const withCallback = args.length === 3 && typeof callback === 'function';
      if (
        typeof text !== 'string' ||
        !Array.isArray(values) ||
        values.length === 0 ||
        (args.length !== 2 && !withCallback)
      ) {
        return query(...args);
      }
      const name = nameFor(text);
      const config = name === undefined ? { text, values } : { name, text, values };
      return withCallback ? query(config, callback) : query(config);
    };
  });
}
