// Entry point: load config, open and migrate the database, seed an empty one,
// build the app, listen, and close gracefully on SIGTERM/SIGINT.
import { buildApp } from './app';
import { ConfigError, loadConfig, readEnvironment, type Config } from './config';
import { createDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { seedIfEmpty } from './db/seed/seed';

function loadConfigOrExit(): Config {
  try {
    return loadConfig(readEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const db = createDatabase(config.database);
  try {
    await migrateToLatest(db);
  } catch (error) {
    console.error(`Database error: ${error instanceof Error ? error.message : String(error)}`);
    await db.close().catch(() => undefined);
    process.exit(1);
  }
  const app = await buildApp(config, db);
  if (config.jwtSecretGenerated) {
    app.log.warn(
      `JWT_SECRET is not set: using a generated development secret kept in ${config.dataDir}/jwt-secret`,
    );
  }
  if (config.seedOnStart) {
    const seeded = await seedIfEmpty(db);
    if (seeded)
      app.log.info(
        'The database had no users: loaded the demo data (log in as webdev / password).',
      );
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received: finishing in-flight requests and closing`);
    // Never hang: if something refuses to close, leave anyway after 10 s.
    setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
