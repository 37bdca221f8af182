// Our own table, never a course table: refresh tokens refused from now on
// (logout, rotation, reuse detection). Shared by every server instance.
import type { Kysely, Migration } from 'kysely';
import { timestampColumnType, type Dialect } from '../portable';

export function revokedTokens(dialect: Dialect): Migration {
  const timestamp = timestampColumnType(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('revoked_tokens')
        .ifNotExists()
        .addColumn('jti', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('family', 'varchar(64)')
        .addColumn('expires_at', timestamp, (col) => col.notNull())
        .addColumn('revoked_at', timestamp, (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('ix_revoked_tokens_family')
        .ifNotExists()
        .on('revoked_tokens')
        .column('family')
        .execute();
      await db.schema
        .createIndex('ix_revoked_tokens_expires_at')
        .ifNotExists()
        .on('revoked_tokens')
        .column('expires_at')
        .execute();
    },
  };
}
