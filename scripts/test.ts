// npm test: every *.test.ts through node:test (tsx).
//
// Which files run on which database, by one visible rule: a test file that imports
// test/helpers (the only way a test gets a database or an app) runs twice, first on
// SQLite, then on PostgreSQL when it is reachable. Every other test file (config
// parsing, display time, hash formats, the client's libraries...) does not depend on
// the dialect and runs once, with TEST_DB=none; test/helpers throws if such a file
// reaches it indirectly. test/fuzz/api-fuzz.test.ts is such a file on purpose: it
// builds a SQLite and a PostgreSQL app side by side and compares their answers, so it
// runs once and checks PostgreSQL itself. Outside CI an unreachable PostgreSQL is
// reported loudly and skipped; with CI=true it is a failure (here and in the fuzz
// suite). The summary adds up every test case run.
//
//   npx tsx scripts/test.ts [--pg-only] [filter...]   (filters match file paths)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { pgAdminUrl, pgUnreachableReason } from '../test/postgres';

const roots = ['server', 'contract', 'client/src', 'test', 'scripts'];
const harness = path.resolve('test/helpers.ts');
const args = process.argv.slice(2);
const pgOnly = args.includes('--pg-only');
const filters = args.filter((arg) => !arg.startsWith('--'));
const ci = process.env.CI === 'true' || process.env.CI === '1';

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
    // The fault tests start servers and databases of their own: npm run test:faults.
    if (full === path.join('test', 'faults')) continue;
    if (statSync(full).isDirectory()) findTests(full, found);
    else if (entry.endsWith('.test.ts')) found.push(full);
  }
  return found;
}

/** Whether one of the file's relative imports is test/helpers. */
function usesDatabase(file: string): boolean {
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = path.resolve(path.dirname(file), match[1] ?? '');
    if (target === harness || `${target}.ts` === harness) return true;
  }
  return false;
}

const files = roots
  .flatMap((root) => findTests(root))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const perDialect = files.filter(usesDatabase);
const once = files.filter((file) => !usesDatabase(file));

interface RunResult {
  label: string;
  files: number;
  ok: boolean;
  counts: Record<string, number>;
}
const results: RunResult[] = [];

/** Runs the files in one node --test process, echoing its report and keeping its totals. */
async function run(label: string, testDb: string, list: string[]): Promise<boolean> {
  if (list.length === 0) return true;
  console.log(`\n=== ${list.length} test files ${label} ===\n`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', ...list],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        TEST_DB: testDb,
        NODE_ENV: 'test',
        ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}),
      },
    },
  );
  let report = '';
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    report += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const counts: Record<string, number> = {};
  // The spec reporter ends with "ℹ tests N", "ℹ pass N", ... (possibly coloured).
  for (const match of stripVTControlCharacters(report).matchAll(/^ℹ (\w+) (\d+)$/gm))
    counts[match[1] ?? ''] = Number(match[2]);
  results.push({ label, files: list.length, ok: code === 0, counts });
  return code === 0;
}

let ok = true;
if (!pgOnly) {
  ok = (await run('without a database (once)', 'none', once)) && ok;
  ok = (await run('on sqlite', 'sqlite', perDialect)) && ok;
}
const unreachable = perDialect.length === 0 ? null : await pgUnreachableReason();
if (unreachable === null) {
  ok = (await run('on postgres', 'postgres', perDialect)) && ok;
} else if (ci || pgOnly) {
  console.error(
    `\nPostgreSQL at ${pgAdminUrl} is unreachable (${unreachable}): the PostgreSQL suite cannot run.`,
  );
  ok = false;
} else {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! PostgreSQL SKIPPED: ${pgAdminUrl} is unreachable (${unreachable}).\n!! Only SQLite was tested. Start PostgreSQL or set TEST_PG_URL to test both.\n${line}\n`,
  );
}

const keys = ['tests', 'pass', 'fail', 'cancelled', 'skipped', 'todo'];
const total = Object.fromEntries(
  keys.map((key) => [key, results.reduce((sum, r) => sum + (r.counts[key] ?? 0), 0)]),
);
const describe = (counts: Record<string, number>) =>
  keys.map((key) => `${key} ${counts[key] ?? '?'}`).join(', ');
console.log('\n=== Summary ===');
for (const result of results)
  console.log(
    `${result.ok ? 'ok  ' : 'FAIL'} ${result.files} files ${result.label}: ${describe(result.counts)}`,
  );
console.log(`all test cases run: ${describe(total)}`);
process.exit(ok ? 0 : 1);
