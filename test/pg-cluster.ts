// A throwaway PostgreSQL server for fault-injection tests: Debian's initdb/pg_ctl
// (/usr/lib/postgresql/<version>/bin) on a temporary directory and a free port, so a
// test may stop, restart and kill it without touching the machine's shared server.
// initdb refuses to run as root: as root, every command runs as the postgres user
// (runuser) on a directory that user owns.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './server-process';

const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin directory, or null when PostgreSQL is not installed. */
export function findPgBin(): string | null {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((name) => existsSync(path.join(PG_ROOT, name, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] === undefined ? null : path.join(PG_ROOT, versions[0], 'bin');
}

export interface PgCluster {
  port: number;
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  start(): Promise<void>;
  /** pg_ctl stop -m fast: open connections are terminated (57P01), as in a routine restart. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** pg_terminate_backend on every connection to `database` except the caller's own. */
  terminateConnections(database: string): Promise<number>;
  /** Runs `work` on a fresh admin connection (which fails while the server is down). */
  withClient<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T>;
  /** Stops the server (immediately) and deletes its directory. Safe to call twice. */
  destroy(): void;
}

/** initdb + start; throws with a clear message when the binaries are missing. */
export async function createPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  if (bin === null) {
    throw new Error(
      `No PostgreSQL server binaries under ${PG_ROOT}/*/bin (apt-get install postgresql).`,
    );
  }
  const root = mkdtempSync(path.join(tmpdir(), 'photo-pg-'));
  const data = path.join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    chownSync(root, ids('-u'), ids('-g'));
  }
  // Asynchronous, so the test's own load keeps running while the server stops and
  // starts; synchronous only for the clean-up when the test process exits.
  const command = (tool: string, args: string[]): [string, string[]] => {
    const file = path.join(bin, tool);
    return asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  };
  const run = async (tool: string, args: string[]) => {
    await promisify(execFile)(...command(tool, args), { timeout: 60_000 });
  };
  const runSync = (tool: string, args: string[]) =>
    execFileSync(...command(tool, args), { stdio: 'ignore', timeout: 60_000 });
  const port = await freePort();
  await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  // Listen on 127.0.0.1 only; the socket lives in our own directory, not /var/run.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root}`;
  const pgCtl = (action: string, extra: string[] = []) =>
    run('pg_ctl', [action, '-D', data, '-w', '-t', '60', ...extra]);
  // Always with -l: a server writing to our pipe would keep execFileSync waiting.
  const logFile = path.join(root, 'server.log');
  const start = () => pgCtl('start', ['-o', options, '-l', logFile]);

  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    process.off('exit', destroy);
    try {
      runSync('pg_ctl', ['stop', '-D', data, '-m', 'immediate']);
    } catch {
      // Already stopped.
    }
    rmSync(root, { recursive: true, force: true });
  };
  // A test that crashes must not leave a server running.
  process.on('exit', destroy);

  const url = (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const withClient = async <T>(database: string, work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({
      connectionString: url(database),
      connectionTimeoutMillis: 3000,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  await start();
  return {
    port,
    url,
    start,
    stop: () => pgCtl('stop', ['-m', 'fast']),
    restart: () => pgCtl('restart', ['-m', 'fast', '-o', options, '-l', logFile]),
    terminateConnections: (database) =>
      withClient('postgres', async (client) => {
        const result = await client.query<{ ok: boolean }>(
          'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [database],
        );
        return result.rows.filter((row) => row.ok).length;
      }),
    withClient,
    destroy,
  };
}
