// Several worker processes share one SQLite file (API.md §10: no "database is
// locked" under load). WAL lets readers run beside the one writer; writers queue
// for the write lock. SQLite's own busy_timeout waits synchronously, freezing the
// whole worker, so it is kept short and the longer wait happens here, between
// event-loop turns: a statement that met SQLITE_BUSY outside a transaction changed
// nothing, so running it again is safe. Transactions start with BEGIN IMMEDIATE,
// taking the write lock up front, so a statement inside one never meets a lock.
import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDialectConfig,
} from 'kysely';
import { markDatabaseError } from './availability';

export interface BusyRetryOptions {
  /** Whether the connection is inside a transaction (then a statement is not retried). */
  inTransaction: () => boolean;
  /** Give up (and let the caller answer 503) after this long. */
  budgetMs: number;
}

const isBusy = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `statement` again while SQLite answers SQLITE_BUSY, with jittered backoff, within the budget. */
async function retryWhileBusy<T>(
  statement: () => Promise<T>,
  options: BusyRetryOptions,
): Promise<T> {
  const retriable = !options.inTransaction();
  const deadline = Date.now() + options.budgetMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await statement();
    } catch (error) {
      if (!retriable || !isBusy(error) || Date.now() >= deadline) {
        markDatabaseError(error);
        throw error;
      }
      await sleep(Math.min(2 ** attempt, 50) * (0.5 + Math.random()));
    }
  }
}

class BusyRetryConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly options: BusyRetryOptions,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return retryWhileBusy(() => this.inner.executeQuery<R>(query), this.options);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class BusyRetryDriver implements Driver {
  #connection: BusyRetryConnection | undefined;

  constructor(
    private readonly inner: Driver,
    private readonly options: BusyRetryOptions,
  ) {}

  init = () => this.inner.init();
  destroy = () => this.inner.destroy();

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    if (this.#connection?.inner !== connection) {
      this.#connection = new BusyRetryConnection(connection, this.options);
    }
    return this.#connection;
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(unwrap(connection));
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(unwrap(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(unwrap(connection));
  }

  savepoint: Driver['savepoint'] = (connection, name, compile) =>
    this.inner.savepoint!(unwrap(connection), name, compile);
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (connection, name, compile) =>
    this.inner.rollbackToSavepoint!(unwrap(connection), name, compile);
  releaseSavepoint: Driver['releaseSavepoint'] = (connection, name, compile) =>
    this.inner.releaseSavepoint!(unwrap(connection), name, compile);
}

const unwrap = (connection: DatabaseConnection) =>
  connection instanceof BusyRetryConnection ? connection.inner : connection;

/** Kysely's SQLite dialect with writes that wait out SQLITE_BUSY instead of failing. */
export class BusyRetrySqliteDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly options: BusyRetryOptions,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new BusyRetryDriver(super.createDriver(), this.options);
  }
}
