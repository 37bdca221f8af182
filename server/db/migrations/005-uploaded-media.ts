// Our own table, never a course table: uploaded images when MEDIA_STORAGE=database
// (API.md §9), so several instances without a shared disk serve the same files.
// Created whatever the storage setting, so switching it later needs no migration.
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../portable';

export function uploadedMedia(dialect: Dialect): Migration {
  const pg = dialect === 'postgres';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('uploaded_media')
        .ifNotExists()
        .addColumn('name', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('user_id', 'integer', (col) =>
          col.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('content_type', 'varchar(64)', (col) => col.notNull())
        .addColumn('bytes', pg ? 'bytea' : 'blob', (col) => col.notNull())
        .addColumn('created_at', pg ? 'timestamp' : 'text', (col) => col.notNull())
        .execute();
      // Deleting a user cascades here; without the index PostgreSQL scans the table.
      await db.schema
        .createIndex('ix_uploaded_media_user_id')
        .ifNotExists()
        .on('uploaded_media')
        .column('user_id')
        .execute();
    },
  };
}
