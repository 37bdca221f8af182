// The web client: two entries, the app (index.html, served at / and the client's
// routes) and the API explorer (explorer.html, served at /api), both served by the
// Fastify server behind the login, plus the password meter script of the server's
// /register page. `npm run dev` proxies the server's paths.
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';
import { clientDist } from './scripts/build-client';
import { precompress } from './scripts/precompress';

const server = `http://127.0.0.1:${process.env.PORT ?? 5000}`;
const clientRoot = path.resolve(import.meta.dirname, 'client');

export default defineConfig({
  root: clientRoot,
  // precompress: .br and .gz next to each built file, served by @fastify/static as they are.
  plugins: [react(), tailwindcss(), precompress()],
  build: {
    // scripts/build-client.ts owns the path: it also decides when the build is stale.
    outDir: clientDist,
    emptyOutDir: true,
    manifest: true,
    rollupOptions: {
      input: {
        app: path.join(clientRoot, 'index.html'),
        explorer: path.join(clientRoot, 'explorer.html'),
        // The strength meter of the server-rendered /register page, found through the manifest.
        register: path.join(clientRoot, 'src', 'register-meter.ts'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // /api itself is the explorer page; /api/... the REST API.
      '^/api(/.*)?$': server,
      '/login': server,
      '/register': server,
      '/logout': server,
      '/media': server,
      '/healthz': server,
    },
  },
});
