// The production app (buildApp) over a database a test prepared, ready for inject:
// test/helpers builds one per dialect run, test/fuzz/dual-apps one on each dialect at
// once (and so cannot import test/helpers).
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app';
import type { Config } from '../server/config';
import type { Db } from '../server/db/database';

export interface ReadyApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  /** Closes the app and removes its database. */
  close(): Promise<void>;
}

/** buildApp(config, db), ready; close() closes the app, then runs `removeData`. */
export async function buildReadyApp(
  config: Config,
  db: Db,
  removeData: () => Promise<void>,
): Promise<ReadyApp> {
  const app = await buildApp(config, db);
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await removeData();
    },
  };
}
