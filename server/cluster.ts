// The primary process when WEB_CONCURRENCY > 1 (API.md §10): forks the workers that
// share the port, replaces a worker that dies, and on SIGTERM/SIGINT lets every
// worker drain (each closes gracefully on its own signal) and exits 0 once they have.
// The primary never serves requests and never opens the database after start-up.
import cluster, { type Worker } from 'node:cluster';
import { hostname } from 'node:os';
import type { Config } from './config';

/** Workers that die this soon after starting, this many times in a row, mean a broken start. */
const QUICK_DEATH_MS = 5000;
const MAX_QUICK_DEATHS = 5;
/** Workers get 10 s to drain (main.ts); a little more here before they are killed. */
const STOP_DEADLINE_MS = 12_000;

/**
 * V8 heap settings every worker starts with (README, Performance: RSS per worker).
 * The young generation's two semi-spaces at 8 MB instead of 16, and the old generation
 * collected once it grew by 50 % over what the last collection kept, instead of
 * V8's 1.1–4× ahead: a worker's heap holds ≈ 30 MB live, and by default V8 let it be
 * committed up to ≈ 90 MB under load. Measured (2 workers, wrk 2 × 32, SQLite demo
 * data): RSS per worker 132–140 MB instead of 146–244, the same CPU per request within
 * the noise; the price is more frequent full collections (p99 at saturation higher:
 * the feed's 97–98 against 52–67 ms). An operator's own value of either flag, on
 * node's command line or in NODE_OPTIONS, wins. V8 sizes the heap when a process
 * starts, so a single process (WEB_CONCURRENCY=1) gets them only from node's command
 * line: the Procfile and deploy/photo-app.service pass them there (cluster.test.ts).
 */
export const WORKER_HEAP_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=50'];

/** The node options a worker starts with: WORKER_HEAP_FLAGS unless the operator set the same flag. */
export function workerExecArgv(execArgv: readonly string[], nodeOptions = ''): string[] {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map(flagName);
  const defaults = WORKER_HEAP_FLAGS.filter((flag) => !given.includes(flagName(flag)));
  return [...defaults, ...execArgv];
}

/** `--max-semi-space-size` of `--max_semi_space_size=8` (V8 accepts both spellings). */
function flagName(argument: string): string {
  return argument.split('=')[0]!.replaceAll('_', '-');
}

type Level = 'info' | 'warn' | 'error';
const PINO_LEVELS: Record<Level, number> = { info: 30, warn: 40, error: 50 };

/** The primary's few lines, shaped like the workers' pino lines (JSON, or plain text in development). */
export function createPrimaryLog(config: Config): (level: Level, message: string) => void {
  const threshold =
    config.logLevel === 'silent' ? Infinity : (PINO_LEVELS[config.logLevel as Level] ?? 0);
  return (level, message) => {
    if (PINO_LEVELS[level] < threshold) return;
    const line =
      config.env === 'development'
        ? `[primary ${process.pid}] ${level.toUpperCase()}: ${message}`
        : JSON.stringify({
            level: PINO_LEVELS[level],
            time: Date.now(),
            pid: process.pid,
            hostname: hostname(),
            msg: message,
          });
    (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
  };
}

export function superviseWorkers(config: Config, log = createPrimaryLog(config)): void {
  const startedAt = new Map<Worker, number>();
  let stopping = false;
  let exitCode = 0;
  let quickDeaths = 0;

  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS) });
  const fork = () => startedAt.set(cluster.fork(), Date.now());

  cluster.on('listening', (worker) => {
    quickDeaths = 0;
    log('info', `worker ${worker.process.pid} listening`);
  });

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) {
        log('info', 'all workers stopped');
        process.exit(exitCode);
      }
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${String(code)}`;
    quickDeaths = lived < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
    if (quickDeaths >= MAX_QUICK_DEATHS) {
      log(
        'error',
        `worker ${worker.process.pid} exited (${how}); ${quickDeaths} workers in a row died on start-up: giving up`,
      );
      stop('crash loop', 1);
      return;
    }
    log('error', `worker ${worker.process.pid} exited (${how}): starting a replacement`);
    fork();
  });

  const stop = (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    log('info', `${reason}: letting ${startedAt.size} workers finish their requests`);
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
    if (startedAt.size === 0) process.exit(exitCode);
    setTimeout(() => {
      log('error', `workers still running after ${STOP_DEADLINE_MS / 1000} s: killing them`);
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM received'));
  process.on('SIGINT', () => stop('SIGINT received'));

  log('info', `starting ${config.webConcurrency} workers on ${config.host}:${config.port}`);
  for (let i = 0; i < config.webConcurrency; i++) fork();
}
