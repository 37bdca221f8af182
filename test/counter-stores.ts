// The counter stores that several workers share (the login limiter and the sign-up
// and upload quotas, API.md §5 and §9), and two production apps on one database to
// share them: they stand for two workers (WEB_CONCURRENCY=2) or two instances, each
// with its own connection and its own store client, so only what the store itself
// shares can hold a limit.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDatabase } from '../server/db/database';
import { createTestDatabase, TEST_JWT_SECRET } from './helpers';

export type CounterStore = 'memory' | 'redis' | 'database';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The environment that selects a counter store; Redis (127.0.0.1:6379) gets a key prefix of its own per call. */
export const counterStoreEnv = (store: CounterStore): Record<string, string> =>
  store === 'redis'
    ? {
        LOGIN_COUNTERS: 'redis',
        REDIS_URL,
        REDIS_KEY_PREFIX: `photo-app-test:${randomBytes(6).toString('hex')}:`,
      }
    : { LOGIN_COUNTERS: store };

/** Two production apps ("workers") on one fresh database and data directory, each with its own connection. */
export async function twoWorkers(env: Record<string, string>) {
  const { databaseUrl, db, drop } = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'photo-two-workers-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    DATABASE_URL: databaseUrl,
    SEED_ON_START: 'false',
    DATA_DIR: dataDir,
    ...env,
  });
  const apps: FastifyInstance[] = [];
  const close = async () => {
    await Promise.all(apps.map((app) => app.close()));
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    apps.push(await buildApp(config, db));
    apps.push(await buildApp(config, createDatabase(config.database)));
    await Promise.all(apps.map((app) => app.ready()));
  } catch (error) {
    await close();
    throw error;
  }
  return { apps: apps as [FastifyInstance, FastifyInstance], db, close };
}
