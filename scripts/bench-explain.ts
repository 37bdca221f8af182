// npx tsx scripts/bench-explain.ts --database URL [--runs 20]
// Every statement each main endpoint runs for webdev, with its plan: EXPLAIN QUERY
// PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, flagging full-table
// scans; and each endpoint's median time in process (app.inject, no network). Meant
// for the large seed: plans that are fine on 300 posts may scan at 1M.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/app';
import { loadConfig, parseDatabaseUrl } from '../server/config';
import { createDatabase } from '../server/db/database';
import { apiAs } from '../test/fixtures';

const ENDPOINTS = [
  '/api/posts?limit=20',
  '/api/posts/{post}',
  '/api/stories',
  '/api/suggestions',
  '/api/bookmarks',
  '/api/profile',
];

const { values: flags } = parseArgs({
  options: { database: { type: 'string' }, runs: { type: 'string', default: '20' } },
  strict: true,
});
if (!flags.database) {
  console.error('Usage: npx tsx scripts/bench-explain.ts --database URL [--runs 20]');
  process.exit(2);
}
const config = parseDatabaseUrl(flags.database, process.cwd(), '--database');
const url = config.dialect === 'sqlite' ? config.file : config.url;

// Every statement sent, from the database's log: the query modules run precompiled
// statements (server/db/compiled-query.ts), which no Kysely plugin would see built.
let captured: Array<Pick<CompiledQuery, 'sql' | 'parameters'>> | null = null;
const db = createDatabase(config, {
  onQuery: (sql, parameters) => captured?.push({ sql, parameters }),
});

async function explain(
  query: Pick<CompiledQuery, 'sql' | 'parameters'>,
): Promise<{ plan: string[]; scans: boolean }> {
  const parameters = [...query.parameters];
  if (config.dialect === 'sqlite') {
    const raw = new SQLite(config.file, { readonly: true });
    try {
      const rows = raw.prepare(`explain query plan ${query.sql}`).all(parameters) as Array<{
        detail: string;
      }>;
      const plan = rows.map((row) => row.detail);
      const statement = raw.prepare(query.sql);
      const times: number[] = [];
      for (let run = 0; run < 20; run++) {
        const started = performance.now();
        statement.all(parameters);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      plan.push(`Median time: ${(times[10] ?? 0).toFixed(3)} ms`);
      return { plan, scans: plan.some((line) => /^SCAN (?!CONSTANT)/.test(line)) };
    } finally {
      raw.close();
    }
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    const result = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${query.sql}`,
      parameters,
    );
    const plan = result.rows.map((row) => row['QUERY PLAN']);
    return { plan, scans: plan.some((line) => line.includes('Seq Scan')) };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const app = await buildApp(
    loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: url,
      SEED_ON_START: 'false',
    }),
    db,
  );
  await app.ready();
  try {
    const webdev = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'webdev')
      .executeTakeFirstOrThrow();
    const api = apiAs(app, webdev.id);
    const first = (await api('GET', '/api/posts?limit=1')).json<Array<{ id: number }>>()[0];
    let scanning = 0;
    for (const template of ENDPOINTS) {
      const path = template.replace('{post}', String(first?.id ?? 1));
      const times: number[] = [];
      for (let run = 0; run < Number(flags.runs); run++) {
        const started = performance.now();
        const response = await api('GET', path);
        times.push(performance.now() - started);
        if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
      }
      times.sort((a, b) => a - b);
      captured = [];
      await api('GET', path);
      const statements = captured;
      captured = null;
      const median = times[Math.floor(times.length / 2)] ?? 0;
      console.log(
        `\n=== GET ${path}: ${statements.length} statements, median ${median.toFixed(2)} ms`,
      );
      for (const statement of statements) {
        const { plan, scans } = await explain(statement);
        if (scans) scanning += 1;
        console.log(`${scans ? 'SCANS ' : ''}${statement.sql}`);
        for (const line of plan) console.log(`    ${line}`);
      }
    }
    console.log(`\n${scanning} statement(s) with a full-table scan.`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    `Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
});
