// npm start: build the web client when dist/client is missing or older than its
// sources, then run the server in this same process (so SIGTERM/SIGINT reach
// server/main.ts directly and a graceful stop still exits 0).
import { buildClientIfStale } from './build-client';

buildClientIfStale();
await import('../server/main');
