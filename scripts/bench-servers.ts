// The processes `npm run bench` loads: the bare node:http baseline and the app as
// production runs it (plain node on the compiled dist/server/main.js), plus the
// resident memory of a server and its cluster workers, read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitForHealthy } from '../test/server-process';

export const HOST = '127.0.0.1';
const root = path.resolve(import.meta.dirname, '..');
export const builtServer = path.join(root, 'dist', 'server', 'main.js');

export interface Running {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * What Node itself can do on this machine: one process answering a fixed small JSON
 * (with the content-type and length a JSON API sends), no framework, no database.
 */
const BASELINE_SOURCE = `
import { createServer } from 'node:http';
const body = JSON.stringify({ status: 'ok', service: 'photo-app', version: 1 });
const length = Buffer.byteLength(body);
createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': length });
  response.end(body);
}).listen(Number(process.env.PORT), process.env.HOST);
process.on('SIGTERM', () => process.exit(0));
`;

export async function startBaseline(): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--input-type=module', '--eval', BASELINE_SOURCE], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, HOST, PORT: String(port) },
  });
  const base = `http://${HOST}:${port}`;
  // The baseline has no /healthz: any 200 will do.
  for (let attempt = 0; ; attempt++) {
    const up = await fetch(base).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (attempt > 100 || child.exitCode !== null) throw new Error('The baseline did not start.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { base, child, stop: () => stopChild(child) };
}

export interface AppOptions {
  databaseUrl: string;
  /** WEB_CONCURRENCY for the server; undefined leaves the server's own default. */
  workers?: number;
  /** Extra environment (e.g. a compression setting being measured). */
  env?: Record<string, string>;
  /** Options for node itself, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Another build of the server to run (e.g. one saved before a change); default dist/server/main.js. */
  serverFile?: string;
}

/** The compiled server in production mode on `databaseUrl`, answering /healthz. */
export async function startApp(options: AppOptions): Promise<Running> {
  const serverFile = options.serverFile ?? builtServer;
  if (!existsSync(serverFile)) {
    throw new Error(`${path.relative(root, serverFile)} is missing: run npm run build first.`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'photo-bench-data-'));
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), serverFile], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      SEED_ON_START: 'false',
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: dataDir,
      HOST,
      PORT: String(port),
      ...(options.workers === undefined ? {} : { WEB_CONCURRENCY: String(options.workers) }),
      ...options.env,
    },
  });
  const stop = async () => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealthy(base, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, child, stop };
}

function rssMegabytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    return null;
  }
}

/** A process's children (a cluster primary's workers), from /proc. */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** utime + stime of one process, in ms (/proc counts in USER_HZ ticks, 100 per second on Linux). */
function cpuMilliseconds(pid: number): number | null {
  try {
    // The command name (field 2) may hold spaces: the fields after it start past ") ".
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * CPU time the server has used so far, in ms: the process and, in a cluster, its
 * workers. Read before and after a load, it gives CPU per request, which the
 * machine's other tenants disturb far less than requests/s. Null where /proc is absent.
 */
export function serverCpuMs(child: ChildProcess): number | null {
  if (child.pid === undefined) return null;
  const times = [child.pid, ...childPids(child.pid)].map(cpuMilliseconds);
  return times.some((time) => time === null)
    ? null
    : times.reduce<number>((sum, time) => sum + (time ?? 0), 0);
}

/**
 * CPU time used so far by each PostgreSQL process on this machine (the server and its
 * backends, named "postgres" by Linux), in ms by process id; null where /proc is
 * absent. On a PostgreSQL run the database shares the machine's cores with the app, so
 * its CPU per request is part of what a request costs (postgresCpuSince).
 */
export function postgresCpuMs(): Map<number, number> | null {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return null;
  }
  const times = new Map<number, number>();
  for (const pid of pids) {
    let command: string;
    try {
      command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue; // exited meanwhile
    }
    const time = command === 'postgres' ? cpuMilliseconds(pid) : null;
    if (time !== null) times.set(pid, time);
  }
  return times;
}

/**
 * PostgreSQL's CPU time since `before`, in ms: over the processes alive at both
 * readings (a backend that exited took its time with it; the app's pool keeps its
 * connections through a run, a login's short-lived ones are missed).
 */
export function postgresCpuSince(before: Map<number, number> | null): number | null {
  const after = postgresCpuMs();
  if (before === null || after === null) return null;
  let total = 0;
  for (const [pid, time] of after) total += time - (before.get(pid) ?? time);
  return total;
}

/**
 * Resident memory of each process that answers requests: the cluster's workers when
 * the server forked some, else the server process itself. Empty where /proc is absent.
 */
export function workerRss(child: ChildProcess): number[] {
  if (child.pid === undefined) return [];
  const workers = childPids(child.pid);
  const pids = workers.length > 0 ? workers : [child.pid];
  return pids.map(rssMegabytes).filter((value): value is number => value !== null);
}

/** The demo user's access token from POST /api/token (the seeded webdev / password). */
export async function loginAsDemoUser(base: string): Promise<string> {
  const response = await fetch(`${base}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'webdev', password: 'password' }),
  });
  if (!response.ok) throw new Error(`POST /api/token answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
