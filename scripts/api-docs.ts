// npm run docs:api: writes docs/api.md from the OpenAPI document the app serves at
// GET /api/openapi.json (built by buildApp on a throwaway SQLite database, so no
// server or configuration is needed). Run it after changing a route's schema;
// scripts/api-docs.test.ts fails while the committed docs/api.md is stale.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { renderApiReference, type OpenApiDocument } from './api-docs-render';

const root = path.resolve(import.meta.dirname, '..');
export const apiDocsPath = path.join(root, 'docs', 'api.md');
const introPath = path.join(root, 'scripts', 'api-docs-intro.md');

/** The document exactly as GET /api/openapi.json answers it. */
export async function loadOpenApiDocument(): Promise<OpenApiDocument> {
  const dir = mkdtempSync(path.join(tmpdir(), 'photo-api-docs-'));
  const file = path.join(dir, 'docs.db');
  const db = createDatabase({ dialect: 'sqlite', file });
  try {
    await migrateToLatest(db);
    const config = loadConfig({
      NODE_ENV: 'test',
      // Never used to sign anything: the app only needs a valid configuration.
      JWT_SECRET: 'api-docs-generator-secret-that-signs-nothing-0123456789',
      DATABASE_URL: file,
      SEED_ON_START: 'false',
      LOG_LEVEL: 'silent',
    });
    const app = await buildApp(config, db);
    try {
      const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      if (response.statusCode !== 200) {
        throw new Error(`GET /api/openapi.json answered ${response.statusCode}`);
      }
      return response.json<OpenApiDocument>();
    } finally {
      await app.close(); // closes db too
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What docs/api.md must contain for the app as it is now (formatted as `prettier --check` wants). */
export async function generateApiDocs(): Promise<string> {
  const text = renderApiReference(await loadOpenApiDocument(), readFileSync(introPath, 'utf8'));
  const options = await resolveConfig(apiDocsPath);
  return format(text, { ...options, filepath: apiDocsPath });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = await generateApiDocs();
  writeFileSync(apiDocsPath, text);
  console.log(`wrote ${path.relative(root, apiDocsPath)} (${text.length} characters)`);
}
