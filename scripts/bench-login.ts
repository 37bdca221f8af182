// npm run bench:login: does a burst of logins stall everything else? (API.md §5,
// issue 10). Starts the compiled production server (dist/server/main.js, one process,
// SQLite, the demo data), then measures one client fetching a JavaScript asset, the
// page / and GET /api/profile one after another: first on a quiet server, then while
// 60 failing logins from one address run in parallel (5 such bursts, each measured
// from its start to its last answer). The limiter's limits are raised for the run so that
// every attempt reaches a full-strength scrypt hash (N=2^17): the worst case for the
// hash pool. Prints p50/p99/max per path and what the logins were answered.
//
//   npm run build && npm run bench:login [-- --seconds 10 --parallel 60 --bursts 5]
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loginAsDemoUser, startApp } from './bench-servers';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    parallel: { type: 'string', default: '60' },
    bursts: { type: 'string', default: '5' },
  },
});
const seconds = Number(values.seconds);
const parallel = Number(values.parallel);
const bursts = Number(values.bursts);

const root = path.resolve(import.meta.dirname, '..');
const asset = readdirSync(path.join(root, 'dist', 'client', 'assets')).find(
  (file) => file.startsWith('app-') && file.endsWith('.js'),
);
if (!asset) throw new Error('No dist/client/assets/app-*.js: run npm run build first.');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'photo-bench-login-'));
const app = await startApp({
  databaseUrl: path.join(dataDir, 'bench.db'),
  workers: 1,
  env: {
    SEED_ON_START: 'true',
    LOGIN_LIMIT_ADDRESS: '10000',
    LOGIN_LIMIT_USER_ADDRESS: '10000',
    LOGIN_LIMIT_USER: '10000',
  },
});

try {
  const headers = { authorization: `Bearer ${await loginAsDemoUser(app.base)}` };
  const paths = [`/assets/${asset}`, '/', '/api/profile'];

  /** One client, one request at a time, for `ms` milliseconds (at least one round): latencies per path. */
  async function measure(ms: number): Promise<Map<string, number[]>> {
    const samples = new Map<string, number[]>(paths.map((p) => [p, []]));
    const until = performance.now() + ms;
    do {
      for (const url of paths) {
        const started = performance.now();
        const response = await fetch(`${app.base}${url}`, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
        samples.get(url)?.push(performance.now() - started);
      }
    } while (performance.now() < until);
    return samples;
  }

  // Warm-up, then the quiet server.
  await measure(1000);
  const quiet = await measure(seconds * 1000);

  // The bursts: `parallel` failing logins at once (unknown usernames), measured
  // from the first to the last answer; `bursts` times.
  const answers = new Map<number, number>();
  const loginTimes: number[] = [];
  const busy = new Map<string, number[]>(paths.map((p) => [p, []]));
  let n = 0;
  async function failingLogin(): Promise<void> {
    const started = performance.now();
    const response = await fetch(`${app.base}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `nobody_${n++}`, password: 'wrong password' }),
    });
    await response.arrayBuffer();
    loginTimes.push(performance.now() - started);
    answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
  }
  for (let burst = 0; burst < bursts; burst++) {
    let done = false;
    const logins = Promise.all(Array.from({ length: parallel }, failingLogin)).finally(() => {
      done = true;
    });
    while (!done) {
      for (const [url, times] of await measure(0)) busy.get(url)?.push(...times);
    }
    await logins;
  }

  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const ms = (value: number) => value.toFixed(1);
  console.log(
    `\n${bursts} bursts of ${parallel} parallel failing logins from one address (scrypt N=2^17), one server process; quiet: ${seconds} s:\n`,
  );
  console.log(row(['path', 'quiet p50', 'quiet p99', 'during logins p50', 'p99', 'max', 'n']));
  console.log(row(['---', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const url of paths) {
    const a = [...(quiet.get(url) ?? [])].sort((x, y) => x - y);
    const b = [...(busy.get(url) ?? [])].sort((x, y) => x - y);
    const label = url.startsWith('/assets/') ? '/assets/app-*.js' : url;
    console.log(
      row([
        label,
        ms(percentile(a, 50)),
        ms(percentile(a, 99)),
        ms(percentile(b, 50)),
        ms(percentile(b, 99)),
        ms(b.at(-1) ?? NaN),
        String(b.length),
      ]),
    );
  }
  loginTimes.sort((x, y) => x - y);
  const statuses = [...answers].map(([status, count]) => `${count} x ${status}`).join(', ');
  console.log(
    `\nlogins answered: ${statuses}; login latency p50 ${ms(percentile(loginTimes, 50))} ms, p99 ${ms(percentile(loginTimes, 99))} ms`,
  );
} finally {
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
