// npx tsx scripts/bench-compression.ts: what each compression level costs and saves on the app's
// real responses. Fetches the uncompressed bodies of the main endpoints from the
// compiled server on the demo data, then compresses each one repeatedly in this
// process and reports the bytes and the CPU time per response (process.cpuUsage,
// which a busy machine inflates far less than wall-clock throughput).
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import { prepareBenchDatabase } from './bench-database';
import { loginAsDemoUser, startApp } from './bench-servers';
import { buildServer } from './build-server';

const PATHS = ['/api/posts?limit=20', '/api/posts?limit=50', '/api/stories', '/api/bookmarks'];

const CODECS: Array<[string, (body: Buffer) => Buffer]> = [
  ['gzip 1', (body) => gzipSync(body, { level: 1 })],
  ['gzip 6 (zlib default)', (body) => gzipSync(body, { level: 6 })],
  ['deflate 1', (body) => deflateSync(body, { level: 1 })],
  ['brotli 1', (body) => brotli(body, 1)],
  ['brotli 4 (@fastify/compress default)', (body) => brotli(body, 4)],
  ['brotli 6', (body) => brotli(body, 6)],
];

function brotli(body: Buffer, quality: number): Buffer {
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** CPU microseconds per call, over at least 300 ms of work. */
function cpuMicros(work: () => void): number {
  for (let i = 0; i < 20; i++) work();
  const start = process.cpuUsage();
  let calls = 0;
  let used = 0;
  while (used < 300_000) {
    for (let i = 0; i < 20; i++) work();
    calls += 20;
    const now = process.cpuUsage(start);
    used = now.user + now.system;
  }
  return used / calls;
}

async function main(): Promise<void> {
  await buildServer({ quiet: true });
  const database = await prepareBenchDatabase({
    postgres: false,
    pgAdminUrl: 'postgresql://postgres@127.0.0.1:5432/postgres',
  });
  const bodies: Array<[string, Buffer]> = [];
  try {
    const app = await startApp({ databaseUrl: database.url, workers: 1 });
    try {
      const token = await loginAsDemoUser(app.base);
      for (const path of [...PATHS, '/login']) {
        const response = await fetch(`${app.base}${path}`, {
          headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' },
        });
        bodies.push([path, Buffer.from(await response.arrayBuffer())]);
      }
    } finally {
      await app.stop();
    }
  } finally {
    await database.drop();
  }
  console.log(
    'response                 codec                                  bytes   ratio   CPU µs',
  );
  for (const [path, body] of bodies) {
    const identity = `${path.padEnd(24)} ${'none'.padEnd(36)} ${String(body.length).padStart(7)}`;
    console.log(identity);
    for (const [name, codec] of CODECS) {
      const size = codec(body).length;
      const micros = cpuMicros(() => codec(body));
      console.log(
        `${''.padEnd(24)} ${name.padEnd(36)} ${String(size).padStart(7)} ${((100 * size) / body.length).toFixed(1).padStart(6)} % ${micros.toFixed(0).padStart(7)}`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
