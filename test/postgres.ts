// The one place that knows how tests and scripts reach PostgreSQL as an
// administrator: TEST_PG_URL (a server-level URL whose role may create databases),
// defaulting to the local trust setup. Per-test databases, the smoke script and the
// reachability check of scripts/test.ts all go through here.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Server-level URL used to create and drop throwaway databases. */
export const pgAdminUrl =
  process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Runs `work` on a connection to the admin URL and always closes it. */
export async function withPgAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Null when the admin URL answers a query, else the reason it does not. */
export async function pgUnreachableReason(): Promise<string | null> {
  try {
    await withPgAdmin((client) => client.query('select 1'));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface ScratchDatabase {
  name: string;
  /** The admin URL pointing at the new database (same role, host and port). */
  url: string;
  /** Drops it, closing any connection still open to it. */
  drop(): Promise<void>;
}

/** A new, empty, uniquely named database on the admin server. */
export async function createScratchDatabase(prefix = 'photo_test'): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withPgAdmin((client) => client.query(`create database "${name}"`));
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withPgAdmin((client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
