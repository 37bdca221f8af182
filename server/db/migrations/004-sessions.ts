// Our own tables, never course tables (API.md §5):
// - sessions: one row per login; a token's `sid` claim names its row, and a session
//   ends by deleting it (its refresh and access tokens stop working at once);
// - login_counters: the login limiter's failure counters when several processes
//   share no Redis (auth/counter-stores.ts);
// and the refresh-token blocklist of the rotation scheme is retired: refresh tokens
// now live as long as their session.
import type { Kysely, Migration } from 'kysely';
import { timestampColumnType, type Dialect } from '../portable';

export function sessions(dialect: Dialect): Migration {
  const timestamp = timestampColumnType(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sessions')
        .ifNotExists()
        .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
        .addColumn('user_id', 'integer', (col) =>
          col.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('last_used_at', timestamp, (col) => col.notNull())
        .addColumn('user_agent', 'varchar(512)')
        .execute();
      await db.schema
        .createIndex('ix_sessions_user_id')
        .ifNotExists()
        .on('sessions')
        .column('user_id')
        .execute();
      await db.schema
        .createTable('login_counters')
        .ifNotExists()
        .addColumn('key', 'varchar(600)', (col) => col.primaryKey())
        .addColumn('count', 'integer', (col) => col.notNull())
        // Unix seconds: the counter starts again from zero after this moment.
        .addColumn('window_ends_at', 'integer', (col) => col.notNull())
        .execute();
      await db.schema.dropTable('revoked_tokens').ifExists().execute();
    },
  };
}
