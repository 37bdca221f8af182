// npm run test:e2e: rebuild the client when it is stale, then run every e2e spec with
// node:test, one file at a time (each starts its own server). Chromium is required:
// a missing browser fails the run instead of skipping it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildClientIfStale } from './build-client';

const root = path.resolve(import.meta.dirname, '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(
    `Chromium is missing at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

buildClientIfStale();

const filters = process.argv.slice(2);
// Node 20 has no --test globs: pass an explicit file list.
const specs = readdirSync(path.join(root, 'e2e'))
  .filter((file) => file.endsWith('.spec.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort()
  .map((file) => path.join('e2e', file));
if (specs.length === 0) {
  console.error('No e2e specs matched.');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...specs],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
