// npm run dev: the API server (restarted by `tsx watch` on change) and the Vite dev
// server (hot reload) side by side. Vite proxies /api/, /login, /logout and /media to
// the server (vite.config.ts), so you log in once at the Vite URL and edit live.
import concurrently from 'concurrently';
import path from 'node:path';

const serverPort = process.env.PORT ?? '5000';
const vitePort = process.env.VITE_PORT ?? '5173';
// The local binaries (tsx, vite) resolve even when this runs outside `npm run`.
const binDir = path.resolve(import.meta.dirname, '..', 'node_modules', '.bin');
const env = { PORT: serverPort, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` };

console.log(`\n  Open http://127.0.0.1:${vitePort} (log in as webdev / password)\n`);

const { result } = concurrently(
  [
    {
      name: 'server',
      command: 'tsx watch --clear-screen=false server/main.ts',
      prefixColor: 'blue',
      env,
    },
    {
      name: 'client',
      command: `vite --host 127.0.0.1 --port ${vitePort} --strictPort`,
      prefixColor: 'magenta',
      env,
    },
  ],
  { killOthersOn: ['failure', 'success'], prefix: 'name' },
);

result.then(
  () => process.exit(0),
  () => process.exit(1),
);
