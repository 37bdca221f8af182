// Entry point: load config; open, migrate and (if empty) seed the database once;
// then serve, in this process (WEB_CONCURRENCY=1) or in that many worker processes
// sharing the port (cluster.ts supervises them). SIGTERM/SIGINT close gracefully
// (API.md §10): stop accepting, finish in-flight requests, close the database, exit 0.
import cluster from 'node:cluster';
import type { ServerResponse } from 'node:http';
import { Server } from 'node:net';
import { buildApp, type App } from './app';
import { createPrimaryLog, superviseWorkers } from './cluster';
import { ConfigError, loadConfig, readEnvironment, type Config } from './config';
import { createDatabase, type Db } from './db/database';
import { migrateToLatest } from './db/migrate';
import { seedIfEmpty } from './seed/seed';

/** A request already on the wire when the signal came reaches the server within this. */
const KEEP_ALIVE_GRACE_MS = 1000;
/** In-flight requests still running this long after the signal have their connections cut. */
const FORCE_CLOSE_AFTER_MS = 9000;
/** Never hang: leave after this even if something refuses to close. */
const EXIT_DEADLINE_MS = 10_000;

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

const openDatabase = (config: Config) =>
  createDatabase(config.database, { timeouts: config.databaseTimeouts });

/** Migrations and the demo seed, once, before anything serves requests. */
async function prepareDatabase(config: Config): Promise<Db> {
  const log = createPrimaryLog(config);
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    if (config.seedOnStart && (await seedIfEmpty(db))) {
      log('info', 'The database had no users: loaded the demo data (log in as webdev / password).');
    }
  } catch (error) {
    console.error(`Database error: ${error instanceof Error ? error.message : String(error)}`);
    await db.close().catch(() => undefined);
    process.exit(1);
  }
  if (config.jwtSecretGenerated) {
    log(
      'warn',
      `JWT_SECRET is not set: using a generated development secret kept in ${config.dataDir}/jwt-secret`,
    );
  }
  return db;
}

async function serve(config: Config, db: Db): Promise<void> {
  const app = await buildApp(config, db);
  const shutdown = gracefulShutdown(app);
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
}

/**
 * Stop accepting at once, but leave idle keep-alive connections open for a moment:
 * a request a client already sent on one must be answered, not reset. Every answer
 * from now on, and every one still in flight, says Connection: close. Then close
 * what is idle, wait for the requests in flight (app.close() closes the database
 * after them), and exit 0.
 */
function gracefulShutdown(app: App): (signal: string) => void {
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  app.server.prependListener('request', (_request, response: ServerResponse) => {
    if (draining) {
      response.setHeader('Connection', 'close');
      return;
    }
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });
  return (signal) => {
    if (draining) return;
    draining = true;
    app.log.info(`${signal} received: finishing in-flight requests and closing`);
    setTimeout(() => process.exit(1), EXIT_DEADLINE_MS).unref();
    setTimeout(() => app.server.closeAllConnections(), FORCE_CLOSE_AFTER_MS).unref();
    for (const response of inFlight) {
      if (!response.headersSent) response.setHeader('Connection', 'close');
      else response.once('finish', () => response.socket?.end());
    }
    // net's close, not http's: http's would also drop idle keep-alive connections now.
    Server.prototype.close.call(app.server);
    const close = () => {
      app.server.closeIdleConnections();
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'error while closing');
          process.exit(1);
        },
      );
    };
    // No open connection, no request that could still arrive on one: close now.
    app.server.getConnections((error, count) =>
      !error && count === 0 ? close() : setTimeout(close, KEEP_ALIVE_GRACE_MS),
    );
  };
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (cluster.isWorker) {
    // The primary has migrated and seeded already.
    await serve(config, openDatabase(config));
    return;
  }
  const db = await prepareDatabase(config);
  if (config.webConcurrency === 1) {
    await serve(config, db);
    return;
  }
  await db.close();
  superviseWorkers(config);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
