// npm start, in plain JavaScript so that it runs without tsx or TypeScript.
// - Development (the default): scripts/start.ts through tsx (a dev dependency, there
//   after `npm install`): builds the client when stale, then runs server/main.ts.
// - Production (NODE_ENV=production in the environment or in .env): plain node on
//   the compiled server, dist/server/main.js, made by `npm run build` with the
//   client; an install with `npm ci --omit=dev` is enough to run it.
// Cluster workers re-run this file, so they take the same branch as the primary.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEnv } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const envFile = path.join(process.cwd(), '.env');
const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
const nodeEnv = (process.env.NODE_ENV || fromFile.NODE_ENV || 'development').trim();

if (nodeEnv === 'production') {
  const built = path.join(root, 'dist', 'server', 'main.js');
  if (!existsSync(built)) {
    console.error(
      'dist/server/main.js is missing: run `npm run build` before `npm start` in production.',
    );
    process.exit(1);
  }
  await import(pathToFileURL(built).href);
} else {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    console.error(
      'tsx is not installed (a production install?). Run `npm install` for development, or set NODE_ENV=production after `npm run build`.',
    );
    process.exit(1);
  }
  tsx.register();
  await import('./start.ts');
}
