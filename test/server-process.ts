// The real server as a child process: one free-port probe and one readiness wait,
// shared by the start-up test, the e2e harness, the smoke script and the benchmark.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

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
