// npm run bench [-- --large N] [--posts-per-user M] [--pg] [--database URL]
//   [--duration S] [--connections C] [--token-connections C] [--json out.json]
// Starts the real server (node --import tsx server/main.ts, NODE_ENV=production) on
// a prepared database (bench-database.ts), logs in as webdev, and measures the main
// read endpoints and the login with autocannon. Traffic goes to 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, waitForHealthy } from '../test/server-process';
import { prepareBenchDatabase } from './bench-database';

const HOST = '127.0.0.1';
const USAGE =
  'Usage: npm run bench -- [--large N [--posts-per-user M]] [--pg] [--database URL] [--duration 10] [--connections 50] [--token-connections 4] [--json out.json]';

function wholeNumber(flag: string, raw: string | undefined, fallback?: number): number | undefined {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    console.error(`--${flag} is "${raw}": give a whole number of at least 1. ${USAGE}`);
    process.exit(2);
  }
  return Number(raw);
}

const { values: flags } = parseArgs({
  options: {
    large: { type: 'string' },
    'posts-per-user': { type: 'string' },
    pg: { type: 'boolean', default: false },
    database: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    'token-connections': { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const duration = wholeNumber('duration', flags.duration, 10) as number;
const connections = wholeNumber('connections', flags.connections, 50) as number;
// POST /api/token runs scrypt at OWASP strength on purpose: a few connections saturate it.
const tokenConnections = wholeNumber('token-connections', flags['token-connections'], 4) as number;

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

/** webdev's access token from POST /api/token (the seed's password). */
async function accessToken(base: string): Promise<string> {
  const response = await fetch(`${base}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'webdev', password: 'password' }),
  });
  if (!response.ok) {
    throw new Error(
      `POST /api/token answered ${response.status}: is webdev / password in this database?`,
    );
  }
  return ((await response.json()) as { access_token: string }).access_token;
}

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  connections: number;
  body?: string;
}

interface Measured {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function measure(
  base: string,
  token: string,
  scenario: Scenario,
  seconds: number,
): Promise<Measured> {
  const headers: Record<string, string> = scenario.body
    ? { 'content-type': 'application/json' }
    : { authorization: `Bearer ${token}` };
  const result = await autocannon({
    url: `${base}${scenario.path}`,
    method: scenario.method,
    headers,
    body: scenario.body,
    connections: scenario.connections,
    duration: seconds,
  });
  return {
    name: scenario.name,
    connections: scenario.connections,
    // Completed requests over the run: exact even for the slow login, where the per-second samples round to 0 or 1.
    requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function printTable(rows: Measured[]): void {
  const header = ['endpoint', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'];
  const lines = rows.map((r) =>
    [r.name, r.connections, r.requestsPerSecond, r.p50Ms, r.p99Ms, r.non2xx, r.errors].map(String),
  );
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.map((line) => (line[i] ?? '').length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(
    ['', format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join(
      '\n',
    ),
  );
}

async function main(): Promise<void> {
  const database = await prepareBenchDatabase({
    existing: flags.database ?? process.env.BENCH_DATABASE_URL,
    postgres: flags.pg,
    pgAdminUrl:
      process.env.BENCH_PG_URL ??
      process.env.TEST_PG_URL ??
      'postgresql://postgres@127.0.0.1:5432/postgres',
    largeUsers: wholeNumber('large', flags.large),
    postsPerUser: wholeNumber('posts-per-user', flags['posts-per-user']),
  });
  if (database.seedSeconds !== null)
    console.error(
      `Loaded ${database.dataset} into ${database.dialect} in ${database.seedSeconds.toFixed(1)} s.`,
    );

  const dataDir = mkdtempSync(path.join(tmpdir(), 'photo-bench-data-'));
  const secret = randomBytes(32).toString('hex');
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: secret,
      LOG_LEVEL: 'warn',
      SEED_ON_START: 'false',
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      HOST,
      PORT: String(port),
    },
  });
  const cleanUp = async () => {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  };
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

  try {
    await waitForHealthy(base, server);
    const token = await accessToken(base);
    const feed = await fetch(`${base}/api/posts?limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const visible = feed.ok ? ((await feed.json()) as Array<{ id: number }>)[0] : undefined;
    const scenarios: Scenario[] = [
      { name: 'GET /api/posts', method: 'GET', path: '/api/posts', connections },
      { name: 'GET /api/posts?limit=50', method: 'GET', path: '/api/posts?limit=50', connections },
      {
        name: `GET /api/posts/${visible?.id ?? 1}`,
        method: 'GET',
        path: `/api/posts/${visible?.id ?? 1}`,
        connections,
      },
      { name: 'GET /api/stories', method: 'GET', path: '/api/stories', connections },
      { name: 'GET /api/suggestions', method: 'GET', path: '/api/suggestions', connections },
      { name: 'GET /api/bookmarks', method: 'GET', path: '/api/bookmarks', connections },
      { name: 'GET /api/profile', method: 'GET', path: '/api/profile', connections },
      {
        name: 'POST /api/token',
        method: 'POST',
        path: '/api/token',
        connections: tokenConnections,
        body: JSON.stringify({ username: 'webdev', password: 'password' }),
      },
    ];
    console.error(
      `Measuring ${scenarios.length} endpoints for ${duration} s each on ${database.dialect} (${database.dataset}), after a 3 s warm-up...`,
    );
    await measure(base, token, scenarios[0] as Scenario, 3);
    const results: Measured[] = [];
    for (const scenario of scenarios) {
      results.push(await measure(base, token, scenario, duration));
      // Let the server finish requests still queued from the previous run before measuring the next.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    printTable(results);
    if (flags.json) {
      const meta = {
        date: new Date().toISOString(),
        node: process.version,
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        dialect: database.dialect,
        dataset: database.dataset,
        seedSeconds: database.seedSeconds,
        durationSeconds: duration,
      };
      writeFileSync(flags.json, JSON.stringify({ meta, results }, null, 2) + '\n');
      console.error(`Saved ${flags.json}`);
    }
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
