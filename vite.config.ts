// The web client: two entries, the app (index.html, served at / and the client's
// routes) and the API explorer (explorer.html, served at /api). Both are served by
// the Fastify server behind the login; `npm run dev` proxies the server's paths.
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = `http://127.0.0.1:${process.env.PORT ?? 5000}`;

export default defineConfig({
  root: 'client',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    rollupOptions: {
      input: { app: 'client/index.html', explorer: 'client/explorer.html' },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api/': server,
      '/login': server,
      '/logout': server,
      '/media': server,
      '/healthz': server,
    },
  },
});
