// What the fault tests need to know about the server's processes: its workers (the
// primary's children), their memory, and whether a process still exists. Linux /proc.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from '../server-process';

/**
 * How long a server (or a worker) may take to start: tsx compiles every file on a
 * cold start, which takes long on a busy 2-core machine. Not a contract bound.
 */
export const START_TIMEOUT_MS = 180_000;

/** Child process ids of `pid` (the cluster's workers, for the primary). */
export function childPids(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text === '' ? [] : text.split(/\s+/).map(Number);
}

/** Resident memory of a process in MiB. */
export function rssMiB(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface SqliteServer extends ServerProcess {
  /** The SQLite file it serves. */
  databaseFile: string;
  /** Stops it (if still running) and removes its directory. */
  remove(): Promise<void>;
}

/**
 * The environment of a fault test's server/main.ts working in `dir`: test mode, the
 * demo data, a fixed secret, warnings only; `env` adds to it or overrides it.
 */
export function faultServerEnv(dir: string, env: Record<string, string>) {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATA_DIR: path.join(dir, 'data'),
    JWT_SECRET: 'fault-test-secret-that-is-long-enough-0123456789abcdef',
    LOG_LEVEL: 'warn',
    SEED_ON_START: 'true',
    ...env,
  };
}

/** server/main.ts on a fresh SQLite file with the demo data, in a temporary directory. */
export async function startSqliteServer(env: Record<string, string>): Promise<SqliteServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'photo-faults-'));
  const databaseFile = path.join(dir, 'data', 'photo-app.db');
  let server: ServerProcess;
  try {
    server = await startServerProcess({
      cwd: dir,
      output: 'capture',
      timeoutMs: START_TIMEOUT_MS,
      env: faultServerEnv(dir, env),
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...server,
    databaseFile,
    remove: async () => {
      await server.stop(12_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves when `predicate` holds on the server's output, or rejects after `timeoutMs`. */
export async function waitForOutput(
  server: ServerProcess,
  predicate: (output: string) => boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate(server.output())) {
    if (Date.now() > deadline) {
      throw new Error(`No ${what} within ${timeoutMs / 1000} s:\n${server.output().slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The pids of the workers that said they are listening (LOG_LEVEL=info), in order. */
export const listeningWorkers = (output: string) =>
  [...output.matchAll(/worker (\d+) listening/g)].map((m) => Number(m[1]));

/** Waits (up to the start-up timeout) until `count` workers have said they are listening. */
export function waitForListeningWorkers(server: ServerProcess, count: number): Promise<void> {
  return waitForOutput(
    server,
    (output) => listeningWorkers(output).length >= count,
    START_TIMEOUT_MS,
    `${count} listening workers`,
  );
}

/** startSqliteServer with `count` workers (LOG_LEVEL=info), once each has said it is listening. */
export async function startSqliteWorkers(count: number): Promise<SqliteServer> {
  const server = await startSqliteServer({ WEB_CONCURRENCY: String(count), LOG_LEVEL: 'info' });
  try {
    await waitForListeningWorkers(server, count);
  } catch (error) {
    await server.remove();
    throw error;
  }
  return server;
}
