// One place that knows whether dist/client is missing or older than its sources, and
// how to rebuild it. Used by `npm start` (scripts/start.ts) and `npm run test:e2e`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const clientDist = path.join(root, 'dist', 'client');
const sources = ['client', 'contract', 'vite.config.ts', 'package.json'].map((entry) =>
  path.join(root, entry),
);

/** Newest modification time (ms) of a file or of any file below a directory. */
function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (child === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Why the client must be (re)built, or null when dist/client is up to date. */
export function clientBuildReason(): string | null {
  const builtIndex = path.join(clientDist, 'index.html');
  if (!existsSync(builtIndex)) return 'dist/client is missing';
  const builtAt = statSync(builtIndex).mtimeMs;
  const changed = sources.find((source) => newestMtime(source) > builtAt);
  return changed ? `${path.relative(root, changed)} changed since the last build` : null;
}

/** Runs `vite build` when needed; exits the process when the build fails. */
export function buildClientIfStale(): void {
  const reason = clientBuildReason();
  if (reason === null) return;
  console.log(`Building the web client (${reason})...`);
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    console.error('The client build failed: fix the errors above, then run npm run build.');
    process.exit(result.status ?? 1);
  }
}
