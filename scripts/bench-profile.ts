// npm run bench:profile -- [--path /api/posts?limit=20] [--pg | --database URL]
//   [--duration 10] [--connections 32] [--top 25] [--keep DIR] [--perf]
// Where one endpoint's time goes: the compiled server in production mode, loaded by
// wrk, profiled one of two ways.
// - Default: one process under `node --cpu-prof`; the profile summarised by package
//   (self time) and by function (self and inclusive time), as shares of the time the
//   process was busy. --keep saves the .cpuprofile (open it in Chrome DevTools).
//   V8's profiler samples wall-clock time: a process waiting for a core is charged
//   to whatever was on its stack (README, Performance).
// - --perf: the production defaults (every worker) under `node --perf-basic-prof`,
//   the whole machine sampled by Linux `perf record -g -a` (Debian's linux-perf),
//   which counts CPU time: where the machine's CPU went (server, PostgreSQL, wrk,
//   idle) and the server's CPU by owner, each with microseconds per request.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { createLoadGenerator, type LoadOptions } from './bench-load';
import { prepareBenchDatabase, type BenchDatabase } from './bench-database';
import { parsePerfScript, summarisePerf } from './bench-perf-summary';
import { summariseProfile, type CpuProfile } from './bench-profile-summary';
import { childPids, loginAsDemoUser, startApp } from './bench-servers';
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
    perf: { type: 'boolean', default: false },
  },
  strict: true,
});

const pgAdminUrl =
  process.env.BENCH_PG_URL ??
  process.env.TEST_PG_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

/** perf's sampling frequency per core (999, not 1000, so it does not beat with timers). */
const PERF_HZ = 999;

function loadOptions(base: string, token: string, seconds: number): LoadOptions {
  return {
    url: `${base}${flags.path}`,
    method: 'GET',
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' },
    connections: Number(flags.connections),
    threads: 2,
    seconds,
  };
}

const execFileAsync = promisify(execFile);

/** Runs a command to its end and gives its standard output (perf script's can be tens of MB). */
async function run(command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { maxBuffer: 1024 ** 3 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && command === 'perf') {
      throw new Error("perf is not installed: install Debian's linux-perf.");
    }
    throw error;
  }
}

async function profileWithCpuProf(database: BenchDatabase): Promise<void> {
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
      const result = await createLoadGenerator().load(
        loadOptions(app.base, token, Number(flags.duration)),
      );
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
  }
}

async function profileWithPerf(database: BenchDatabase): Promise<void> {
  await run('perf', ['--version']);
  const seconds = Number(flags.duration);
  if (!(seconds >= 4)) throw new Error('--perf needs --duration of at least 4 seconds.');
  const workDir = mkdtempSync(path.join(tmpdir(), 'photo-bench-perf-'));
  const dataFile = path.join(workDir, 'perf.data');
  // --perf-basic-prof writes V8's log too: into the work directory, not the repository.
  const app = await startApp({
    databaseUrl: database.url,
    nodeArgs: ['--perf-basic-prof', `--logfile=${path.join(workDir, 'v8.log')}`],
  });
  const primary = app.child.pid!;
  const serverPids = new Set([primary]);
  try {
    const token = await loginAsDemoUser(app.base);
    const load = createLoadGenerator();
    await load.load(loadOptions(app.base, token, 3)); // warm-up: JIT, caches, pools
    // Every worker is up by now.
    for (const pid of childPids(primary)) serverPids.add(pid);
    // perf records the middle of the run: from 1 s in to 1 s before its end.
    const recordSeconds = seconds - 2;
    const loaded = load.load(loadOptions(app.base, token, seconds));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const recording = run('perf', [
      'record',
      '-F',
      String(PERF_HZ),
      '-g',
      '-a',
      '-o',
      dataFile,
      '--',
      'sleep',
      String(recordSeconds),
    ]);
    const [result] = await Promise.all([loaded, recording]);
    if (result.badStatus + result.errors > 0) throw new Error(`${flags.path} failed under load`);
    // The JIT's symbol maps (/tmp/perf-<pid>.map) are read while the server still runs.
    const script = await run('perf', ['script', '-i', dataFile, '-F', 'comm,pid,tid,ip,sym']);
    console.log(
      `${flags.path} on ${database.dialect} ${database.dataset}: ${Math.round(result.requestsPerSecond)} requests/s, ` +
        `${serverPids.size === 1 ? 'one process' : `${serverPids.size - 1} workers`}, perf recorded ${recordSeconds} s`,
    );
    console.log(
      summarisePerf(parsePerfScript(script), {
        serverPids,
        sampleMicros: 1e6 / PERF_HZ,
        requests: result.requestsPerSecond * recordSeconds,
        top: Number(flags.top),
      }),
    );
  } finally {
    await app.stop();
    rmSync(workDir, { recursive: true, force: true });
    for (const pid of serverPids) rmSync(`/tmp/perf-${pid}.map`, { force: true });
  }
}

async function main(): Promise<void> {
  await buildServer({ quiet: true });
  const database = await prepareBenchDatabase({
    postgres: flags.pg,
    pgAdminUrl,
    existing: flags.database,
  });
  try {
    await (flags.perf ? profileWithPerf(database) : profileWithCpuProf(database));
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`Profile failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
