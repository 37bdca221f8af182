// The built web client (dist/client, made by `npm run build`): where it is, and how its
// HTML entries are sent. The app (index.html, server/pages/client) and the API
// explorer (explorer.html, server/pages/explorer) both go through sendClientHtml.
import type { FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Where `vite build` writes the client (vite.config.ts: outDir dist/client). */
export const clientDistDir = path.resolve(import.meta.dirname, '..', '..', 'dist', 'client');

const missingBuildPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Photo App: client not built</title></head>
<body><main><h1>The web client has not been built</h1>
<p>Run <code>npm run build</code> (or start the server with <code>npm start</code>, which builds it for you), then reload this page.</p>
</main></body></html>`;

export interface ClientHtmlOptions {
  /** `no-cache` (revalidate) by default; `no-store` keeps the page out of every cache. */
  cacheControl?: 'no-cache' | 'no-store';
  /** For tests: another build directory. */
  distDir?: string;
}

/**
 * Sends an HTML entry of dist/client, or a 503 page explaining how to build it. Read
 * per request: `npm test` runs before any build, and a rebuild must be picked up
 * without a restart; the files are small.
 */
export async function sendClientHtml(
  reply: FastifyReply,
  file: string,
  { cacheControl = 'no-cache', distDir = clientDistDir }: ClientHtmlOptions = {},
): Promise<FastifyReply> {
  const fullPath = path.join(distDir, file);
  reply.header('Cache-Control', cacheControl).type('text/html; charset=utf-8');
  if (!existsSync(fullPath)) return reply.code(503).send(missingBuildPage);
  return reply.send(await readFile(fullPath, 'utf8'));
}
