import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, testDialect } from '../../test/helpers';
import type { Db } from './database';
import { migrateToLatest } from './migrate';
import { courseSchema } from './migrations/001-course-schema';
import { accessPathIndexes } from './migrations/002-access-path-indexes';
import { revokedTokens } from './migrations/003-revoked-tokens';
import { sessions } from './migrations/004-sessions';

const pg = testDialect === 'postgres';
const COURSE_TABLES = [
  'users',
  'posts',
  'comments',
  'likes_posts',
  'likes_comments',
  'bookmarks',
  'following',
  'stories',
];

interface SchemaSnapshot {
  tables: string[];
  /** "table.column type null|not null" */
  columns: string[];
  /** Named constraints (PostgreSQL) or foreign keys (SQLite), and every index. */
  constraints: string[];
}

async function snapshot(db: Db): Promise<SchemaSnapshot> {
  const k = db.kysely;
  if (pg) {
    const columns = await sql<{
      t: string;
      c: string;
      type: string;
      len: number | null;
      nullable: string;
    }>`
      select table_name as t, column_name as c, data_type as type, character_maximum_length as len, is_nullable as nullable
      from information_schema.columns where table_schema = 'public'`.execute(k);
    const constraints = await sql<{ name: string }>`
      select conrelid::regclass::text || ':' || conname || ':' || contype::text as name from pg_constraint
      join pg_namespace n on n.oid = connamespace where n.nspname = 'public'
      union all select tablename || ':' || indexname from pg_indexes where schemaname = 'public'`.execute(
      k,
    );
    const tables = await sql<{
      name: string;
    }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(k);
    return {
      tables: tables.rows.map((r) => r.name).sort(),
      columns: columns.rows
        .map(
          (r) =>
            `${r.t}.${r.c} ${r.type}${r.len ? `(${r.len})` : ''} ${r.nullable === 'YES' ? 'null' : 'not null'}`,
        )
        .sort(),
      constraints: constraints.rows.map((r) => r.name).sort(),
    };
  }
  const tables = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(k);
  const columns: string[] = [];
  const constraints: string[] = [];
  for (const { name } of tables.rows) {
    const info = await sql<{
      name: string;
      type: string;
      notnull: number;
    }>`select * from pragma_table_info(${name})`.execute(k);
    columns.push(
      ...info.rows.map(
        (c) => `${name}.${c.name} ${c.type.toLowerCase()} ${c.notnull ? 'not null' : 'null'}`,
      ),
    );
    const keys = await sql<{
      from: string;
      table: string;
      on_delete: string;
    }>`select * from pragma_foreign_key_list(${name})`.execute(k);
    constraints.push(...keys.rows.map((fk) => `${name}:${fk.from}->${fk.table}:${fk.on_delete}`));
  }
  const indexes = await sql<{
    name: string;
    tbl_name: string;
  }>`select name, tbl_name from sqlite_master where type = 'index'`.execute(k);
  constraints.push(...indexes.rows.map((r) => `${r.tbl_name}:${r.name}`));
  return {
    tables: tables.rows.map((r) => r.name).sort(),
    columns: columns.sort(),
    constraints: constraints.sort(),
  };
}

/** The tables as Flask-SQLAlchemy creates them for the course app (db.create_all()). */
function flaskDdl(): string[] {
  const ts = pg ? 'TIMESTAMP WITHOUT TIME ZONE' : 'DATETIME';
  const id = pg ? 'SERIAL NOT NULL' : 'INTEGER NOT NULL';
  const ref = (column: string, table: string) =>
    `FOREIGN KEY(${column}) REFERENCES ${table} (id) ON DELETE CASCADE`;
  return [
    `CREATE TABLE users (id ${id}, first_name VARCHAR(256) NOT NULL, last_name VARCHAR(256) NOT NULL, username VARCHAR(256) NOT NULL, password_hash VARCHAR(256) NOT NULL, password_plaintext VARCHAR(256) NOT NULL, email VARCHAR(256) NOT NULL, image_url VARCHAR(512), thumb_url VARCHAR(512), date_created ${ts} NOT NULL, is_verified BOOLEAN NOT NULL, is_disabled BOOLEAN NOT NULL, PRIMARY KEY (id), UNIQUE (username), UNIQUE (email))`,
    `CREATE TABLE posts (id ${id}, image_url VARCHAR(200) NOT NULL, caption TEXT, alt_text TEXT, pub_date ${ts} NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (id), ${ref('user_id', 'users')})`,
    `CREATE TABLE following (id ${id}, user_id INTEGER NOT NULL, following_id INTEGER NOT NULL, PRIMARY KEY (id), CONSTRAINT unique_user_following UNIQUE (user_id, following_id), ${ref('user_id', 'users')}, ${ref('following_id', 'users')})`,
    `CREATE TABLE stories (id ${id}, text TEXT NOT NULL, pub_date ${ts} NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (id), ${ref('user_id', 'users')})`,
    `CREATE TABLE comments (id ${id}, text TEXT NOT NULL, pub_date ${ts} NOT NULL, user_id INTEGER NOT NULL, post_id INTEGER NOT NULL, PRIMARY KEY (id), ${ref('user_id', 'users')}, ${ref('post_id', 'posts')})`,
    `CREATE TABLE likes_posts (id ${id}, user_id INTEGER NOT NULL, post_id INTEGER NOT NULL, timestamp ${ts} NOT NULL, PRIMARY KEY (id), CONSTRAINT unique_user_post_like UNIQUE (user_id, post_id), ${ref('user_id', 'users')}, ${ref('post_id', 'posts')})`,
    `CREATE TABLE bookmarks (id ${id}, user_id INTEGER NOT NULL, post_id INTEGER NOT NULL, timestamp ${ts} NOT NULL, PRIMARY KEY (id), CONSTRAINT unique_user_post_bookmark UNIQUE (user_id, post_id), ${ref('user_id', 'users')}, ${ref('post_id', 'posts')})`,
    `CREATE TABLE likes_comments (id ${id}, user_id INTEGER NOT NULL, comment_id INTEGER NOT NULL, timestamp ${ts} NOT NULL, PRIMARY KEY (id), CONSTRAINT unique_user_comment_like UNIQUE (user_id, comment_id), ${ref('user_id', 'users')}, ${ref('comment_id', 'comments')})`,
  ];
}

function flaskRows(): string[] {
  const yes = pg ? 'true' : '1';
  const no = pg ? 'false' : '0';
  const at = `'2024-02-03 04:05:06.789000'`;
  return [
    `INSERT INTO users (id, first_name, last_name, username, password_hash, password_plaintext, email, image_url, thumb_url, date_created, is_verified, is_disabled) VALUES (1, 'Webdev', 'User', 'webdev', 'scrypt:32768:8:1$abc$def', 'password', 'webdev@example.com', 'https://picsum.photos/300', NULL, ${at}, ${yes}, ${no}), (2, 'Ada', 'Lovelace', 'ada', 'pbkdf2:sha256:600000$x$y', 'password', 'ada@example.com', NULL, NULL, ${at}, ${no}, ${no})`,
    `INSERT INTO posts (id, image_url, caption, alt_text, pub_date, user_id) VALUES (1, 'https://picsum.photos/600', 'Hi', NULL, ${at}, 1)`,
    `INSERT INTO following (id, user_id, following_id) VALUES (1, 2, 1)`,
    `INSERT INTO stories (id, text, pub_date, user_id) VALUES (1, 'A story', ${at}, 1)`,
    `INSERT INTO comments (id, text, pub_date, user_id, post_id) VALUES (1, 'Nice', ${at}, 2, 1)`,
    `INSERT INTO likes_posts (id, user_id, post_id, timestamp) VALUES (1, 2, 1, ${at})`,
    `INSERT INTO bookmarks (id, user_id, post_id, timestamp) VALUES (1, 2, 1, ${at})`,
    `INSERT INTO likes_comments (id, user_id, comment_id, timestamp) VALUES (1, 1, 1, ${at})`,
  ];
}

async function dumpRows(db: Db): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of COURSE_TABLES) {
    dump[table] = (
      await sql`select * from ${sql.table(table)} order by id`.execute(db.kysely)
    ).rows;
  }
  return dump;
}

describe(`migrations (${testDialect})`, () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  async function database(migrate: boolean): Promise<Db> {
    const { db, drop } = await createTestDatabase({ migrate });
    cleanups.push(async () => {
      await db.close();
      await drop();
    });
    return db;
  }

  it('are a no-op when run again, even when each migration runs its own steps again', async () => {
    const db = await database(true);
    const before = await snapshot(db);
    assert.deepEqual(await migrateToLatest(db), []);
    for (const migration of [
      courseSchema(db.dialect),
      accessPathIndexes,
      revokedTokens(db.dialect),
      sessions(db.dialect),
    ]) {
      await migration.up(db.kysely as never);
    }
    assert.deepEqual(await snapshot(db), before);
  });

  it('create every index of migration 002', async () => {
    const db = await database(true);
    const { constraints } = await snapshot(db);
    const expected = [
      'following:ix_following_following_id',
      'posts:ix_posts_user_id_pub_date',
      'posts:ix_posts_pub_date',
      'comments:ix_comments_post_id',
      'comments:ix_comments_user_id',
      'likes_posts:ix_likes_posts_post_id',
      'likes_comments:ix_likes_comments_comment_id',
      'bookmarks:ix_bookmarks_post_id',
      'stories:ix_stories_user_id_pub_date',
    ];
    assert.deepEqual(
      expected.filter((name) => !constraints.includes(name)),
      [],
    );
  });

  it('adopt a Flask database: rows kept, nothing dropped or renamed, password_plaintext made nullable', async () => {
    const db = await database(false);
    for (const statement of [...flaskDdl(), ...flaskRows()])
      await sql.raw(statement).execute(db.kysely);
    const schemaBefore = await snapshot(db);
    const rowsBefore = await dumpRows(db);

    assert.deepEqual(await migrateToLatest(db), [
      '001-course-schema',
      '002-access-path-indexes',
      '003-revoked-tokens',
      '004-sessions',
      '005-uploaded-media',
      '007-user-search',
    ]);
    const schemaAfter = await snapshot(db);
    assert.deepEqual(await dumpRows(db), rowsBefore);
    const changedColumns = schemaBefore.columns.filter(
      (column) => !schemaAfter.columns.includes(column),
    );
    assert.deepEqual(
      schemaBefore.constraints.filter((name) => !schemaAfter.constraints.includes(name)),
      [],
    );
    assert.deepEqual(
      schemaAfter.tables.filter((name) => !schemaBefore.tables.includes(name)).sort(),
      ['kysely_migration', 'kysely_migration_lock', 'login_counters', 'sessions', 'uploaded_media'],
    );
    assert.deepEqual(await migrateToLatest(db), []);
    if (!pg) {
      // API.md §2 promises the NOT NULL relaxation for the course's PostgreSQL
      // database; SQLite cannot alter a column in place, so there it stays as found.
      assert.deepEqual(changedColumns, []);
      return;
    }
    assert.deepEqual(changedColumns, ['users.password_plaintext character varying(256) not null']);
    assert.ok(schemaAfter.columns.includes('users.password_plaintext character varying(256) null'));
    // A user written the app's way (no password_plaintext) is now accepted. The id is
    // explicit because rows inserted with explicit ids never advanced the sequence.
    const created = await db.kysely
      .insertInto('users')
      .values({
        id: 3,
        first_name: 'New',
        last_name: 'User',
        username: 'new',
        email: 'new@example.com',
        password_hash: 'x',
        date_created: '2024-02-03 04:05:06',
        is_verified: false,
        is_disabled: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.equal(created.id, 3);
  });

  it('cascade deletes: removing a user removes their posts and everything hanging on them', async () => {
    const db = await database(true);
    for (const statement of flaskRows())
      await sql.raw(statement.replace(/'password'/g, 'NULL')).execute(db.kysely);
    await db.kysely.deleteFrom('users').where('id', '=', 1).execute();
    const rows = await dumpRows(db);
    assert.deepEqual(
      Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, list.length])),
      {
        users: 1,
        posts: 0,
        comments: 0,
        likes_posts: 0,
        likes_comments: 0,
        bookmarks: 0,
        following: 0,
        stories: 0,
      },
    );
  });
});
