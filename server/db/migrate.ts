// Frozen, ordered migrations; run on start and by `npm run db:migrate`. Idempotent:
// each runs once (tracked in kysely_migration) and creates only what is missing.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database';
import { courseSchema } from './migrations/001-course-schema';
import { accessPathIndexes } from './migrations/002-access-path-indexes';
import { revokedTokens } from './migrations/003-revoked-tokens';
import { sessions } from './migrations/004-sessions';
import { uploadedMedia } from './migrations/005-uploaded-media';
import { userSearchIndexes } from './migrations/007-user-search';

function migrationsFor(db: Db): Record<string, Migration> {
  return {
    '001-course-schema': courseSchema(db.dialect),
    '002-access-path-indexes': accessPathIndexes,
    '003-revoked-tokens': revokedTokens(db.dialect),
    '004-sessions': sessions(db.dialect),
    '005-uploaded-media': uploadedMedia(db.dialect),
    '007-user-search': userSearchIndexes(db.dialect),
  };
}

/** Applies every pending migration; returns the names applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(db) };
  // 005 was released before 004: a database migrated in between must still take 004.
  const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((r) => r.migrationName);
}
