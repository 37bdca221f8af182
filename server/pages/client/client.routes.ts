// Serves the built React client (dist/client, made by `npm run build`). Hashed assets
// are public and cached for a year; the app's HTML goes to logged-in users only, at /
// and at each of the client's own routes (API.md §6), and is never cached stale.
import fastifyStatic from '@fastify/static';
// For the `hide` schema flag: the HTML pages are not part of the OpenAPI document.
import type {} from '@fastify/swagger';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const clientDistDir = path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'client');

/** The client-side routes (client/src/app.tsx); a reload on any of them gets the app. */
export const CLIENT_ROUTES = [
  '/',
  '/bookmarks',
  '/network',
  '/network/followers',
  '/posts/new',
  '/posts/:id/edit',
];

const missingBuildPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Photo App: client not built</title></head>
<body><main><h1>The web client has not been built</h1>
<p>Run <code>npm run build</code> (or start the server with <code>npm start</code>, which builds it for you), then reload this page.</p>
</main></body></html>`;

/** Public: /assets/* (content-hashed by Vite, so they can be cached forever). */
export async function clientAssetRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.join(clientDistDir, 'assets'),
    prefix: '/assets/',
    index: false,
    wildcard: true,
    maxAge: '365d',
    immutable: true,
    // Other plugins (e.g. /media) may register @fastify/static too: only one may decorate.
    decorateReply: false,
    // A missing build is reported by the HTML routes with a clear 503 instead.
    suppressWarning: true,
  });
}

/** Sends an HTML entry of dist/client, or a 503 page explaining how to build it. */
export async function sendClientHtml(
  reply: FastifyReply,
  file: string,
  distDir = clientDistDir,
): Promise<FastifyReply> {
  const fullPath = path.join(distDir, file);
  reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8');
  if (!existsSync(fullPath)) return reply.code(503).send(missingBuildPage);
  return reply.send(await readFile(fullPath, 'utf8'));
}

/** For the pages scope (a logged-in user; others are redirected to /login by the scope). */
export async function clientPageRoutes(app: FastifyInstance): Promise<void> {
  for (const route of CLIENT_ROUTES) {
    app.get(route, { schema: { hide: true } }, async (_request, reply) =>
      sendClientHtml(reply, 'index.html'),
    );
  }
}
