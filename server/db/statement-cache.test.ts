// The SQLite statement cache answers the rows better-sqlite3 itself answers: same
// keys in the same order, same values, for any column names, after a schema change,
// through all(), iterate() and RETURNING; writes pass through.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { cacheSqliteStatements, rowMaker } from './statement-cache';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

describe('cacheSqliteStatements (SQLite rows)', () => {
  it('makes the same rows as better-sqlite3 for any column names and values, repeats included', () => {
    const sqlite = new SQLite(':memory:');
    const cached = cacheSqliteStatements(sqlite);
    // Any name SQLite accepts (no NUL); __proto__ is checked on its own below.
    const name = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((text) => !text.includes('\0') && text !== '__proto__');
    const value = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.string().filter((text) => !text.includes('\0')),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(name, fc.constantFrom('id', 'a')), value), {
          minLength: 1,
          maxLength: 8,
        }),
        (columns) => {
          const sql = `select ${columns.map(([column]) => `? as ${quote(column)}`).join(', ')}`;
          const parameters = columns.map(([, given]) => given);
          const expected = sqlite.prepare(sql).all(parameters);
          const actual = cached.prepare(sql).all(parameters);
          assert.deepStrictEqual(actual, expected);
          assert.deepStrictEqual(
            actual.map((row) => Object.keys(row as object)),
            expected.map((row) => Object.keys(row as object)),
          );
        },
      ),
      { numRuns: 300 },
    );
    sqlite.close();
  });

  it('keeps a column named __proto__ as an own property, never the prototype', () => {
    const [row] = [rowMaker(['__proto__', 'id'])([{ polluted: true }, 7])];
    assert.deepStrictEqual(Object.keys(row!), ['__proto__', 'id']);
    assert.equal(Object.getPrototypeOf(row), Object.prototype);
    assert.equal((row as { polluted?: boolean }).polluted, undefined);
  });

  it('reads the columns again when the schema changes under a cached select *', () => {
    const sqlite = new SQLite(':memory:');
    const cached = cacheSqliteStatements(sqlite);
    sqlite.exec(`create table t (a integer, b text); insert into t values (1, 'x')`);
    assert.deepStrictEqual(cached.prepare('select * from t').all([]), [{ a: 1, b: 'x' }]);
    sqlite.exec('alter table t add column c integer default 7');
    assert.deepStrictEqual(cached.prepare('select * from t').all([]), [{ a: 1, b: 'x', c: 7 }]);
    sqlite.exec('alter table t rename column a to renamed');
    assert.deepStrictEqual(
      [...cached.prepare('select * from t').iterate([])],
      [{ renamed: 1, b: 'x', c: 7 }],
    );
    sqlite.close();
  });

  it('notices a table another program altered through its own connection', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statement-cache-'));
    const file = path.join(dir, 'shared.db');
    const ours = new SQLite(file);
    const theirs = new SQLite(file);
    try {
      ours.pragma('journal_mode = WAL');
      const cached = cacheSqliteStatements(ours);
      ours.exec(`create table t (a integer, b text); insert into t values (1, 'x')`);
      assert.deepStrictEqual(cached.prepare('select * from t').all([]), [{ a: 1, b: 'x' }]);
      theirs.exec('alter table t rename column b to note; alter table t add column c integer');
      assert.deepStrictEqual(cached.prepare('select * from t').all([]), [
        { a: 1, note: 'x', c: null },
      ]);
    } finally {
      ours.close();
      theirs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers RETURNING rows, and runs writes as they are', () => {
    const sqlite = new SQLite(':memory:');
    const cached = cacheSqliteStatements(sqlite);
    sqlite.exec('create table t (id integer primary key, a text)');
    const insert = cached.prepare('insert into t (a) values (?)');
    assert.equal(insert.reader, false);
    assert.deepStrictEqual(insert.run(['one']), { changes: 1, lastInsertRowid: 1 });
    const returning = cached.prepare('insert into t (a) values (?) returning id, a');
    assert.equal(returning.reader, true);
    assert.deepStrictEqual(returning.all(['two']), [{ id: 2, a: 'two' }]);
    assert.deepStrictEqual(cached.prepare('select * from t where id > ?').all([5]), []);
    assert.deepStrictEqual(
      [...cached.prepare('select a from t order by id').iterate([])],
      [{ a: 'one' }, { a: 'two' }],
    );
    sqlite.close();
  });

  it('prepares a statement once and keeps at most `capacity` of them', () => {
    const sqlite = new SQLite(':memory:');
    const cached = cacheSqliteStatements(sqlite, 2);
    const first = cached.prepare('select 1 as n');
    assert.equal(cached.prepare('select 1 as n'), first);
    cached.prepare('select 2 as n');
    cached.prepare('select 3 as n'); // evicts the least recently used: select 1
    assert.notEqual(cached.prepare('select 1 as n'), first);
    assert.deepStrictEqual(cached.prepare('select 1 as n').all([]), [{ n: 1 }]);
    sqlite.close();
  });
});
