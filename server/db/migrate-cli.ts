// npm run db:migrate: apply pending migrations to the configured database.
import { ConfigError, loadConfig, readEnvironment } from '../config';
import { createDatabase } from './database';
import { migrateToLatest } from './migrate';

try {
  const config = loadConfig(readEnvironment());
  const db = createDatabase(config.database);
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(
    error instanceof ConfigError
      ? `Configuration error: ${error.message}`
      : String(error instanceof Error ? error.message : error),
  );
  process.exitCode = 1;
}
