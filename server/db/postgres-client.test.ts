// How the app talks to PostgreSQL through its pool (database.ts): parameterised
// statements are named prepared statements, a statement the server does not answer
// is given up after the read timeout, and the connection it leaves in an unknown
// state is never handed to another request. PostgreSQL only: SQLite has no pool.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createScratchDatabase, type ScratchDatabase } from '../../test/postgres';
import { testDialect } from '../../test/helpers';
import { createDatabase, PG_POOL_SIZE, READ_TIMEOUT_MARGIN_MS, type Db } from './database';

if (testDialect === 'postgres') {
  describe('the PostgreSQL pool', () => {
    let scratch: ScratchDatabase;
    let db: Db;
    const statementMs = 300;
    before(async () => {
      scratch = await createScratchDatabase();
      db = createDatabase(
        { dialect: 'postgres', url: scratch.url },
        { timeouts: { connectMs: 3000, statementMs } },
      );
    });
    after(async () => {
      await db.close();
      await scratch.drop();
    });

    it('sends a parameterised statement as a named prepared statement, parsed once per connection', async () => {
      await db.kysely.connection().execute(async (connection) => {
        for (const value of [1, 2, 3]) {
          const { rows } = await sql<{
            doubled: number;
          }>`select ${value}::int * 2 as doubled`.execute(connection);
          assert.deepEqual(rows, [{ doubled: value * 2 }]);
        }
        const { rows } = await sql<{ name: string; statement: string }>`
          select name, statement from pg_prepared_statements`.execute(connection);
        const named = rows.filter((row) => row.statement.includes('* 2 as doubled'));
        assert.equal(named.length, 1, JSON.stringify(rows));
        assert.match(named[0]!.name, /^photo_\d+$/);
      });
    });

    it('gives up on a statement the server does not answer, and never reuses that connection', async () => {
      const started = Date.now();
      await db.kysely.connection().execute(async (connection) => {
        // This connection alone lets statements run without the server's own limit,
        // so only the client's read timeout (statement_timeout + READ_TIMEOUT_MARGIN_MS) can end the wait.
        await sql`set statement_timeout = 0`.execute(connection);
        await assert.rejects(sql`select pg_sleep(30)`.execute(connection), /Query read timeout/);
      });
      const waited = Date.now() - started;
      assert.ok(waited >= statementMs + READ_TIMEOUT_MARGIN_MS - 50, `gave up after ${waited} ms`);
      assert.ok(waited < 10_000, `gave up after ${waited} ms`);
      // Every connection the pool can give has the server's limit: the one left
      // waiting on pg_sleep was destroyed, not returned.
      const limits = await Promise.all(
        Array.from({ length: PG_POOL_SIZE }, () =>
          db.kysely.connection().execute(async (connection) => {
            const { rows } = await sql<{
              statement_timeout: string;
            }>`show statement_timeout`.execute(connection);
            await sql`select pg_sleep(0.05)`.execute(connection); // hold it, so all are distinct
            return rows[0]!.statement_timeout;
          }),
        ),
      );
      assert.deepEqual(limits, Array(PG_POOL_SIZE).fill(`${statementMs}ms`));
      // And the database is reported available again by the next success.
      const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(db.kysely);
      assert.deepEqual(rows, [{ ok: 1 }]);
    });
  });
}
