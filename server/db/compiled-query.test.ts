// compiledQuery: one build per shape, the values of each run bound into it, on the
// connection of the executor it is given (a transaction included).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from '../../test/fixtures';
import { createTestDatabase, testDialect } from '../../test/helpers';
import { compiledQuery, SHAPES_PER_QUERY } from './compiled-query';
import type { Db } from './database';
import { literalLimit } from './portable';

let db: Db;
let drop: () => Promise<void>;
const statements: string[] = [];
before(async () => {
  ({ db, drop } = await createTestDatabase({ onQuery: (sql) => statements.push(sql) }));
});
after(async () => {
  await db.close();
  await drop();
});

let builds = 0;
const usersQuery = compiledQuery(
  (executor, values: { ids: number[]; username: string | undefined }) => {
    builds++;
    return executor
      .selectFrom('users')
      .select(['id', 'username'])
      .where('id', 'in', values.ids)
      .$if(values.username !== undefined, (query) =>
        query.where('username', '=', values.username ?? ''),
      )
      .orderBy('id');
  },
);

describe(`compiledQuery (${testDialect})`, () => {
  it('builds a shape once and binds each run its own values', async () => {
    const [a, b, c] = [await createUser(db), await createUser(db), await createUser(db)];
    builds = 0;
    const first = await usersQuery.execute(db.kysely, { ids: [a.id, b.id], username: undefined });
    const second = await usersQuery.execute(db.kysely, { ids: [b.id, c.id], username: undefined });
    assert.deepEqual(
      first.map((row) => row.id),
      [a.id, b.id],
    );
    assert.deepEqual(
      second.map((row) => row.id),
      [b.id, c.id],
    );
    assert.equal(builds, 1, 'the same shape was built again');
    // The log the statement-count tests read still sees every statement.
    assert.equal(
      statements.filter((sql) => sql.includes('"username" from "users"')).length >= 2,
      true,
    );
  });

  it('takes a new shape for a list of another length and for an optional condition', async () => {
    const [a, b, c] = [await createUser(db), await createUser(db), await createUser(db)];
    builds = 0;
    const three = await usersQuery.execute(db.kysely, {
      ids: [a.id, b.id, c.id],
      username: undefined,
    });
    assert.equal(three.length, 3);
    const named = await usersQuery.executeTakeFirst(db.kysely, {
      ids: [a.id, b.id, c.id],
      username: b.username,
    });
    assert.equal(named?.id, b.id);
    const none = await usersQuery.executeTakeFirst(db.kysely, {
      ids: [a.id, c.id],
      username: b.username,
    });
    assert.equal(none, undefined);
    assert.equal(builds, 3);
  });

  it('runs inside the transaction it is given', async () => {
    const outside = await createUser(db);
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        const inside = await trx
          .insertInto('users')
          .values({
            first_name: 'In',
            last_name: 'Side',
            username: `inside_${outside.id}`,
            email: `inside_${outside.id}@example.com`,
            password_hash: 'no-login',
            password_plaintext: null,
            image_url: null,
            thumb_url: null,
            date_created: '2026-01-01 00:00:00',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const seen = await usersQuery.execute(trx, {
          ids: [outside.id, inside.id],
          username: undefined,
        });
        assert.deepEqual(
          seen.map((row) => row.id),
          [outside.id, inside.id],
        );
        throw new Error('roll back');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error) || error.message !== 'roll back') throw error;
      });
    const after = await usersQuery.execute(db.kysely, {
      ids: [outside.id, outside.id + 1_000_000],
      username: undefined,
    });
    assert.deepEqual(
      after.map((row) => row.id),
      [outside.id],
    );
  });

  it('keeps at most SHAPES_PER_QUERY shapes and still answers past them', async () => {
    const user = await createUser(db);
    builds = 0;
    const runs = SHAPES_PER_QUERY + 5;
    for (let length = 1; length <= runs; length++) {
      const ids = Array.from({ length }, () => user.id);
      const rows = await usersQuery.execute(db.kysely, { ids, username: undefined });
      assert.equal(rows.length, 1);
    }
    const again = builds;
    await usersQuery.execute(db.kysely, { ids: [user.id], username: undefined });
    assert.equal(builds, again, 'a kept shape was built again');
    // Past the bound a shape is not kept: built again each time, still right.
    const rows = await usersQuery.execute(db.kysely, {
      ids: Array.from({ length: runs }, () => user.id),
      username: undefined,
    });
    assert.equal(rows.length, 1);
    assert.equal(builds, again + 1);
  });

  it('writes an inlined value into the SQL text, one shape per value', async () => {
    const users = [await createUser(db), await createUser(db), await createUser(db)];
    const ids = users.map((user) => user.id);
    let limitedBuilds = 0;
    const limited = compiledQuery(
      (executor, values: { ids: number[]; limit: number }) => {
        limitedBuilds++;
        return executor
          .selectFrom('users')
          .select('id')
          .where('id', 'in', values.ids)
          .orderBy('id')
          .limit(literalLimit(values.limit));
      },
      { inline: ['limit'] },
    );
    statements.length = 0;
    for (const limit of [1, 2, 1, 3, 2]) {
      const rows = await limited.execute(db.kysely, { ids, limit });
      assert.deepEqual(
        rows.map((row) => row.id),
        ids.slice(0, limit),
      );
    }
    assert.equal(limitedBuilds, 3, 'one build per limit');
    const ran = statements.filter((sql) => sql.includes('"id" from "users"'));
    assert.deepEqual(
      ran.map((sql) => /limit (\d+)$/.exec(sql)?.[1]),
      ['1', '2', '1', '3', '2'],
    );
  });

  it('lets only a non-negative integer through literalLimit', () => {
    for (const bad of [-1, 1.5, Number.NaN, Infinity, 2 ** 60])
      assert.throws(() => literalLimit(bad), TypeError, String(bad));
    assert.doesNotThrow(() => literalLimit(0));
  });
});
