// npm run bench [-- options]: measures, in one run, a bare node:http baseline and the
// app's read endpoints as production runs them (compiled server, NODE_ENV=production,
// its default workers), each loaded identically by wrk (autocannon when wrk is missing),
// on SQLite and PostgreSQL. Prints requests/s, p50/p99, bytes per response, RSS per
// worker and each endpoint's share of the baseline. Traffic goes to 127.0.0.1 only.
// --smoke: a few seconds on SQLite that only checks everything runs and answers 2xx.
import { parseArgs } from 'node:util';
import { createLoadGenerator, type LoadOptions } from './bench-load';
import { prepareBenchDatabase, type BenchDatabaseOptions } from './bench-database';
import { describeMachine, printTable, saveJson, type Row } from './bench-report';
import {
  loginAsDemoUser,
  postgresCpuMs,
  postgresCpuSince,
  serverCpuMs,
  startApp,
  startBaseline,
  workerRss,
} from './bench-servers';
import { buildServer } from './build-server';

const USAGE = `Usage: npm run bench -- [--smoke] [--only sqlite|pg] [--large N [--posts-per-user M]]
  [--database URL]... [--workers N] [--duration 15] [--connections 32] [--threads 2]
  [--encoding "gzip, deflate, br"] [--endpoints feed,post,stories,profile] [--node-args="--flag ..."]
  [--json out.json]`;

const { values: flags } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    large: { type: 'string' },
    'posts-per-user': { type: 'string' },
    database: { type: 'string', multiple: true, default: [] },
    workers: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    threads: { type: 'string' },
    encoding: { type: 'string', default: 'gzip, deflate, br' },
    json: { type: 'string' },
    endpoints: { type: 'string' },
    'node-args': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}

function wholeNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    console.error(`--${flag} is "${raw}": give a whole number of at least 1.\n${USAGE}`);
    process.exit(2);
  }
  return Number(raw);
}
if (flags.only !== undefined && flags.only !== 'sqlite' && flags.only !== 'pg') {
  console.error(`--only is "${flags.only}": give sqlite or pg.\n${USAGE}`);
  process.exit(2);
}

const smoke = flags.smoke;
const seconds = wholeNumber('duration', flags.duration) ?? (smoke ? 1 : 15);
const connections = wholeNumber('connections', flags.connections) ?? (smoke ? 4 : 32);
const threads = wholeNumber('threads', flags.threads) ?? (smoke ? 1 : 2);
const workers = wholeNumber('workers', flags.workers);
const largeUsers = wholeNumber('large', flags.large);
const pgAdminUrl =
  process.env.BENCH_PG_URL ??
  process.env.TEST_PG_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

/** The databases to measure: demo data per dialect, the large seed, existing ones. */
function configurations(): BenchDatabaseOptions[] {
  const dialects = smoke ? [false] : [false, true].filter((pg) => wantDialect(pg));
  const list: BenchDatabaseOptions[] = dialects.map((postgres) => ({ postgres, pgAdminUrl }));
  if (largeUsers !== undefined) {
    for (const postgres of dialects) {
      list.push({
        postgres,
        pgAdminUrl,
        largeUsers,
        postsPerUser: wholeNumber('posts-per-user', flags['posts-per-user']),
      });
    }
  }
  for (const existing of flags.database ?? []) list.push({ postgres: false, pgAdminUrl, existing });
  return list;
}

function wantDialect(postgres: boolean): boolean {
  return flags.only === undefined || flags.only === (postgres ? 'pg' : 'sqlite');
}

interface Scenario {
  /** What --endpoints calls it. */
  name: string;
  endpoint: string;
  options: Omit<LoadOptions, 'seconds' | 'threads'>;
}

function scenarios(base: string, token: string, postId: number): Scenario[] {
  const headers = { authorization: `Bearer ${token}`, 'accept-encoding': flags.encoding };
  const get = (name: string, path: string): Scenario => ({
    name,
    endpoint: `GET ${path}`,
    options: { url: `${base}${path}`, method: 'GET', headers, connections },
  });
  return [
    get('feed', '/api/posts?limit=20'),
    get('feed50', '/api/posts?limit=50'),
    get('post', `/api/posts/${postId}`),
    get('stories', '/api/stories'),
    get('suggestions', '/api/suggestions'),
    get('bookmarks', '/api/bookmarks'),
    get('profile', '/api/profile'),
    {
      name: 'login-page',
      endpoint: 'GET /login (HTML)',
      options: {
        url: `${base}/login`,
        method: 'GET',
        headers: { 'accept-encoding': flags.encoding },
        connections,
      },
    },
    {
      // scrypt at OWASP strength is slow on purpose: a few connections saturate it.
      name: 'token',
      endpoint: 'POST /api/token',
      options: {
        url: `${base}/api/token`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'webdev', password: 'password' }),
        connections: Math.min(4, connections),
      },
    },
  ];
}

/** Every scenario must answer 2xx before it is loaded (wrk counts 3xx as success). */
async function checkAnswers(list: Scenario[]): Promise<void> {
  for (const { endpoint, options } of list) {
    const response = await fetch(options.url, {
      method: options.method,
      headers: options.headers,
      body: options.body,
    });
    await response.arrayBuffer();
    if (response.status < 200 || response.status > 299) {
      throw new Error(`${endpoint} answered ${response.status}`);
    }
  }
}

/** The server's CPU time between two readings per request answered, µs. */
function cpuPerRequest(
  before: number | null,
  after: number | null,
  requests: number,
): number | null {
  if (before === null || after === null || requests === 0) return null;
  return Math.round(((after - before) * 1000) / requests);
}

async function main(): Promise<void> {
  const generator = createLoadGenerator();
  console.error(`Load generator: ${generator.name}; machine: ${describeMachine()}`);
  await buildServer({ quiet: true });
  const rows: Row[] = [];
  const pause = () => new Promise((resolve) => setTimeout(resolve, smoke ? 200 : 2000));

  const baseline = await startBaseline();
  let baselineRps = 0;
  try {
    const options = { url: baseline.base, method: 'GET' as const, headers: {}, connections };
    if (!smoke) await generator.load({ ...options, threads, seconds: 2 });
    const cpuBefore = serverCpuMs(baseline.child);
    const result = await generator.load({ ...options, threads, seconds });
    const cpuUsPerRequest = cpuPerRequest(cpuBefore, serverCpuMs(baseline.child), result.requests);
    baselineRps = result.requestsPerSecond;
    const rssMb = workerRss(baseline.child);
    rows.push({
      ...result,
      configuration: 'baseline',
      endpoint: 'GET / (node:http)',
      connections,
      rssMb,
      percentOfBaseline: 100,
      cpuUsPerRequest,
      databaseCpuUsPerRequest: null,
    });
  } finally {
    await baseline.stop();
  }

  for (const config of configurations()) {
    const database = await prepareBenchDatabase(config);
    const label = `${database.dialect} ${database.dataset}`;
    if (database.seedSeconds !== null) {
      console.error(`Loaded ${label} in ${database.seedSeconds.toFixed(1)} s.`);
    }
    try {
      // --node-args: flags for the server's node (e.g. an A/B of V8 heap sizes).
      const nodeArgs = flags['node-args']?.split(/\s+/).filter(Boolean);
      const app = await startApp({ databaseUrl: database.url, workers, nodeArgs });
      try {
        const token = await loginAsDemoUser(app.base);
        const feed = await fetch(`${app.base}/api/posts?limit=1`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const postId = ((await feed.json()) as Array<{ id: number }>)[0]?.id ?? 1;
        // --endpoints: the scenarios named (feed, post, profile, ...) or whose request
        // contains one of the given words (/api/stories).
        const words = flags.endpoints?.split(',').filter(Boolean);
        const all = scenarios(app.base, token, postId);
        const list = all.filter(
          (s) => !words || words.some((word) => s.name === word || s.endpoint.includes(word)),
        );
        if (list.length === 0) {
          throw new Error(
            `--endpoints "${flags.endpoints}" names no scenario; the names are ${all.map((s) => s.name).join(', ')}.`,
          );
        }
        await checkAnswers(list);
        console.error(`Measuring ${list.length} endpoints on ${label}, ${seconds} s each...`);
        if (!smoke) await generator.load({ ...list[0]!.options, threads, seconds: 3 });
        // In a smoke run the login (slow scrypt on purpose) is checked once by checkAnswers.
        const loaded = smoke ? list.filter((s) => s.options.method === 'GET') : list;
        for (const { endpoint, options } of loaded) {
          const cpuBefore = serverCpuMs(app.child);
          const databaseCpuBefore = database.dialect === 'postgres' ? postgresCpuMs() : null;
          const result = await generator.load({ ...options, threads, seconds });
          const cpuUsPerRequest = cpuPerRequest(cpuBefore, serverCpuMs(app.child), result.requests);
          const databaseCpuUsPerRequest =
            databaseCpuBefore === null
              ? null
              : cpuPerRequest(0, postgresCpuSince(databaseCpuBefore), result.requests);
          const percent = baselineRps > 0 ? (100 * result.requestsPerSecond) / baselineRps : null;
          rows.push({
            ...result,
            configuration: label,
            endpoint,
            connections: options.connections,
            rssMb: workerRss(app.child),
            percentOfBaseline: percent === null ? null : Math.round(percent * 100) / 100,
            cpuUsPerRequest,
            databaseCpuUsPerRequest,
          });
          await pause();
        }
      } finally {
        await app.stop();
      }
    } finally {
      await database.drop();
    }
  }

  printTable(rows);
  console.log(
    `\n${new Date().toISOString()} · ${generator.name}, ${threads} threads · ${describeMachine()}`,
  );
  if (flags.json) {
    saveJson(
      flags.json,
      {
        date: new Date().toISOString(),
        generator: generator.name,
        threads,
        durationSeconds: seconds,
        workers: workers === undefined ? 'server default' : String(workers),
        encoding: flags.encoding,
      },
      rows,
    );
    console.error(`Saved ${flags.json}`);
  }
  const failed = rows.filter((row) => row.requests === 0 || row.badStatus > 0 || row.errors > 0);
  if (failed.length > 0) {
    console.error(
      `Failed: ${failed.map((row) => `${row.configuration} ${row.endpoint}`).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
