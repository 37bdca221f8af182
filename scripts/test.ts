// npm test: every *.test.ts through node:test (tsx), first on SQLite, then again on
// PostgreSQL when it is reachable. Outside CI an unreachable PostgreSQL is reported
// loudly and skipped; with CI=true it is a failure.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const roots = ['server', 'contract', 'client/src', 'test', 'scripts'];
const args = process.argv.slice(2);
const pgOnly = args.includes('--pg-only');
const filters = args.filter((arg) => !arg.startsWith('--'));
const ci = process.env.CI === 'true' || process.env.CI === '1';
const adminUrl = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

function findTests(dir: string, found: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (entry === 'node_modules') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) findTests(full, found);
    else if (entry.endsWith('.test.ts')) found.push(full);
  }
  return found;
}

const files = roots
  .flatMap((root) => findTests(root))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

function run(dialect: 'sqlite' | 'postgres'): boolean {
  console.log(`\n=== ${files.length} test files on ${dialect} ===\n`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', ...files],
    {
      stdio: 'inherit',
      env: { ...process.env, TEST_DB: dialect, NODE_ENV: 'test' },
    },
  );
  return result.status === 0;
}

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

let ok = pgOnly ? true : run('sqlite');
const unreachable = await postgresReachable();
if (unreachable === null) {
  ok = run('postgres') && ok;
} else if (ci || pgOnly) {
  console.error(
    `\nPostgreSQL at ${adminUrl} is unreachable (${unreachable}): the PostgreSQL suite cannot run.`,
  );
  ok = false;
} else {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! PostgreSQL SKIPPED: ${adminUrl} is unreachable (${unreachable}).\n!! Only SQLite was tested. Start PostgreSQL or set TEST_PG_URL to test both.\n${line}\n`,
  );
}
process.exit(ok ? 0 : 1);
