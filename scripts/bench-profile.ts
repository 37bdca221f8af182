// npm run bench:profile -- [--path /api/posts?limit=20] [--pg | --database URL]
//   [--duration 10] [--connections 32] [--top 25] [--keep DIR]
// Where one endpoint's time goes: the compiled server in production mode, one
// process, under `node --cpu-prof`, loaded by wrk; then the profile summarised by
// package (self time) and by function (self and inclusive time), as shares of the
// time the process was busy. --keep saves the .cpuprofile (open it in Chrome DevTools).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLoadGenerator } from './bench-load';
import { prepareBenchDatabase } from './bench-database';
import { summariseProfile, type CpuProfile } from './bench-profile-summary';
import { loginAsDemoUser, startApp } from './bench-servers';
import { buildServer } from './build-server';

const { values: flags } = parseArgs({
  options: {
    path: { type: 'string', default: '/api/posts?limit=20' },
    pg: { type: 'boolean', default: false },
    database: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    top: { type: 'string', default: '25' },
    keep: { type: 'string' },
  },
  strict: true,
});

const pgAdminUrl =
  process.env.BENCH_PG_URL ??
  process.env.TEST_PG_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

async function main(): Promise<void> {
  await buildServer({ quiet: true });
  const database = await prepareBenchDatabase({
    postgres: flags.pg,
    pgAdminUrl,
    existing: flags.database,
  });
  const profileDir = mkdtempSync(path.join(tmpdir(), 'photo-bench-profile-'));
  try {
    const spawned = Date.now();
    const app = await startApp({
      databaseUrl: database.url,
      workers: 1,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    });
    let requestsPerSecond = 0;
    let loadStarted = Date.now();
    try {
      const token = await loginAsDemoUser(app.base);
      loadStarted = Date.now();
      const result = await createLoadGenerator().load({
        url: `${app.base}${flags.path}`,
        method: 'GET',
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' },
        connections: Number(flags.connections),
        threads: 2,
        seconds: Number(flags.duration),
      });
      requestsPerSecond = result.requestsPerSecond;
      if (result.badStatus + result.errors > 0) throw new Error(`${flags.path} failed under load`);
    } finally {
      await app.stop();
    }
    // The process that served the requests wrote the largest profile.
    const files = readdirSync(profileDir)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => path.join(profileDir, name));
    const profiles = files.map((file) => ({
      file,
      profile: JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
    }));
    profiles.sort((a, b) => b.profile.samples.length - a.profile.samples.length);
    const busiest = profiles[0];
    if (!busiest) throw new Error('The server wrote no CPU profile.');
    console.log(
      `${flags.path} on ${database.dialect} ${database.dataset}: ${requestsPerSecond} requests/s under the profiler`,
    );
    // Only the time under load: start-up and the login are left out.
    console.log(
      summariseProfile(busiest.profile, Number(flags.top), (loadStarted - spawned) * 1000),
    );
    if (flags.keep) {
      mkdirSync(flags.keep, { recursive: true });
      const target = path.join(flags.keep, path.basename(busiest.file));
      copyFileSync(busiest.file, target);
      console.log(`Saved ${target}`);
    }
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`Profile failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
