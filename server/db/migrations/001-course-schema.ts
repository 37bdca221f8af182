// API.md §2: exactly the course's tables. Created only when missing, so an existing
// Flask photo-app database is adopted as it is; the one change ever made to a course
// table is relaxing users.password_plaintext to NULL.
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import { timestampColumnType, type Dialect } from '../portable';

export function courseSchema(dialect: Dialect): Migration {
  const pg = dialect === 'postgres';
  const idType = pg ? 'serial' : 'integer';
  const timestamp = timestampColumnType(dialect);
  const boolean = pg ? 'boolean' : 'integer';
  const falseValue = pg ? sql`false` : sql`0`;

  return {
    async up(db: Kysely<unknown>) {
      const table = (name: string) =>
        db.schema
          .createTable(name)
          .ifNotExists()
          .addColumn('id', idType, (col) =>
            pg ? col.primaryKey() : col.primaryKey().autoIncrement(),
          );
      const userRef = (name: string) => (col: ColumnDefinitionBuilder) =>
        col.notNull().references(`${name}.id`).onDelete('cascade');

      await table('users')
        .addColumn('first_name', 'varchar(256)', (col) => col.notNull())
        .addColumn('last_name', 'varchar(256)', (col) => col.notNull())
        .addColumn('username', 'varchar(256)', (col) => col.notNull().unique())
        .addColumn('password_hash', 'varchar(256)', (col) => col.notNull())
        .addColumn('password_plaintext', 'varchar(256)')
        .addColumn('email', 'varchar(256)', (col) => col.notNull().unique())
        .addColumn('image_url', 'varchar(512)')
        .addColumn('thumb_url', 'varchar(512)')
        .addColumn('date_created', timestamp, (col) => col.notNull())
        .addColumn('is_verified', boolean, (col) => col.notNull().defaultTo(falseValue))
        .addColumn('is_disabled', boolean, (col) => col.notNull().defaultTo(falseValue))
        .execute();
      await adoptPasswordPlaintext(db, dialect);

      await table('posts')
        .addColumn('image_url', 'varchar(200)', (col) => col.notNull())
        .addColumn('caption', 'text')
        .addColumn('alt_text', 'text')
        .addColumn('pub_date', timestamp, (col) => col.notNull())
        .addColumn('user_id', 'integer', userRef('users'))
        .execute();

      await table('comments')
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('pub_date', timestamp, (col) => col.notNull())
        .addColumn('user_id', 'integer', userRef('users'))
        .addColumn('post_id', 'integer', userRef('posts'))
        .execute();

      await table('likes_posts')
        .addColumn('user_id', 'integer', userRef('users'))
        .addColumn('post_id', 'integer', userRef('posts'))
        .addColumn('timestamp', timestamp, (col) => col.notNull())
        .addUniqueConstraint('likes_posts_user_id_post_id_key', ['user_id', 'post_id'])
        .execute();

      await table('likes_comments')
        .addColumn('user_id', 'integer', userRef('users'))
        .addColumn('comment_id', 'integer', userRef('comments'))
        .addColumn('timestamp', timestamp, (col) => col.notNull())
        .addUniqueConstraint('likes_comments_user_id_comment_id_key', ['user_id', 'comment_id'])
        .execute();

      await table('bookmarks')
        .addColumn('user_id', 'integer', userRef('users'))
        .addColumn('post_id', 'integer', userRef('posts'))
        .addColumn('timestamp', timestamp, (col) => col.notNull())
        .addUniqueConstraint('bookmarks_user_id_post_id_key', ['user_id', 'post_id'])
        .execute();

      await table('following')
        .addColumn('user_id', 'integer', userRef('users'))
        .addColumn('following_id', 'integer', userRef('users'))
        .addUniqueConstraint('following_user_id_following_id_key', ['user_id', 'following_id'])
        .execute();

      await table('stories')
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('pub_date', timestamp, (col) => col.notNull())
        .addColumn('user_id', 'integer', userRef('users'))
        .execute();
    },
  };
}

/** The Flask app declares password_plaintext NOT NULL; we only ever leave it NULL. */
async function adoptPasswordPlaintext(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table users add column if not exists password_plaintext varchar(256)`.execute(
      db,
    );
    await sql`alter table users alter column password_plaintext drop not null`.execute(db);
    return;
  }
  const columns = await sql<{ name: string }>`pragma table_info(users)`.execute(db);
  if (!columns.rows.some((column) => column.name === 'password_plaintext')) {
    await sql`alter table users add column password_plaintext varchar(256)`.execute(db);
  }
}
