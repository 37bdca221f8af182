// The real server as a child process: one way to start server/main.ts, one free-port
// probe and one readiness wait, shared by the start-up test, the e2e harness, the
// smoke script and the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root directory. */
export const repoRoot = path.resolve(import.meta.dirname, '..');

/** A port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string')
    throw new Error('Could not find a free port.');
  return address.port;
}

/**
 * Polls `<base>/healthz` until it answers 200. Fails at once when the child exits,
 * and after `timeoutMs` (a cold tsx start plus the seed's scrypt hash takes seconds).
 * `details` adds context (e.g. the child's output) to the error.
 */
export async function waitForHealthy(
  base: string,
  child: ChildProcess,
  { timeoutMs = 60_000, details = () => '' }: { timeoutMs?: number; details?: () => string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited (code ${String(child.exitCode)}, signal ${String(child.signalCode)}) before answering /healthz.${details()}`,
      );
    }
    const healthy = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `The server did not answer ${base}/healthz within ${timeoutMs / 1000} s.${details()}`,
  );
}

const mainFile = fileURLToPath(new URL('../server/main.ts', import.meta.url));
const tsxLoader = import.meta.resolve('tsx');

export interface ServerProcessOptions {
  /** The child's whole environment (nothing is inherited unless you spread process.env). */
  env: NodeJS.ProcessEnv;
  /** Working directory; its .env file, if any, is read by the server. Default: the repository. */
  cwd?: string;
  /** Default: a free port. */
  port?: number;
  /**
   * true (default): HOST=127.0.0.1 and PORT are added to `env`. false when the child
   * must read them elsewhere (the smoke script writes them to a .env file).
   */
  passPort?: boolean;
  /** 'inherit' (default) shows the server's output; 'capture' keeps it for output(). */
  output?: 'inherit' | 'capture';
  /** How long to wait for /healthz (see waitForHealthy). */
  timeoutMs?: number;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** What the child wrote to stdout and stderr so far ('' with output: 'inherit'). */
  output(): string;
  /**
   * SIGTERM, then up to `graceMs` for the exit: its code (null for a signal), or
   * 'timeout' after which the child is SIGKILLed. Safe to call twice.
   */
  stop(graceMs?: number): Promise<number | null | 'timeout'>;
}

/**
 * Starts `server/main.ts` (through tsx) as a child process and resolves once it
 * answers /healthz. If it never does, the child is killed and the error carries its
 * captured output.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const capture = options.output === 'capture';
  const env =
    options.passPort === false
      ? options.env
      : { ...options.env, HOST: '127.0.0.1', PORT: String(port) };
  const child = spawn(process.execPath, ['--import', tsxLoader, mainFile], {
    cwd: options.cwd ?? repoRoot,
    env,
    stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
  });
  let captured = '';
  child.stdout?.on('data', (chunk: Buffer) => (captured += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (captured += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const stop = async (graceMs = 5000): Promise<number | null | 'timeout'> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs))),
    ]);
    clearTimeout(timer);
    if (code === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
    return code;
  };

  try {
    await waitForHealthy(url, child, {
      timeoutMs: options.timeoutMs,
      details: () => (captured === '' ? '' : `\n${captured}`),
    });
  } catch (error) {
    await stop(1000);
    throw error;
  }
  return { child, port, url, output: () => captured, stop };
}
