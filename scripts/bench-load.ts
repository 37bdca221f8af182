// The load generator of `npm run bench`: wrk (C, epoll, so it leaves the cores to the
// server it loads) when it is installed, autocannon otherwise. A Node load generator
// needs a core itself and tops out near 22k requests/s on two cores, so its numbers
// understate a fast server; the report names the generator it used.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

const run = promisify(execFile);

export interface LoadOptions {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  threads: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Mean bytes read per response, headers included. */
  bytesPerResponse: number;
  /** Responses with a status of 400 or more (wrk counts only those) or, with autocannon, not 2xx. */
  badStatus: number;
  /** Connect, read, write errors and timeouts. */
  errors: number;
}

export type LoadGenerator = 'wrk' | 'autocannon';

export function findWrk(): string | null {
  const candidates = (process.env.PATH ?? '').split(path.delimiter).map((dir) => `${dir}/wrk`);
  return candidates.find((file) => existsSync(file)) ?? null;
}

/**
 * wrk's Lua hooks: the request (method, headers, body) and, at the end, one JSON line
 * with the totals and latency percentiles (microseconds) so nothing parses wrk's
 * human-readable summary.
 */
function wrkScript(options: LoadOptions): string {
  const lua = (value: string) => JSON.stringify(value);
  const headers = Object.entries(options.headers)
    .map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(value)}`)
    .join('\n');
  return `wrk.method = ${lua(options.method)}
${options.body === undefined ? '' : `wrk.body = ${lua(options.body)}`}
${headers}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH-JSON {"requests":%d,"durationUs":%d,"bytes":%d,"p50Us":%d,"p99Us":%d,"status":%d,"errors":%d}\\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
`;
}

async function runWrk(wrk: string, options: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'photo-bench-wrk-'));
  try {
    const script = path.join(dir, 'request.lua');
    writeFileSync(script, wrkScript(options));
    const { stdout } = await run(
      wrk,
      [
        `--threads=${Math.min(options.threads, options.connections)}`,
        `--connections=${options.connections}`,
        `--duration=${options.seconds}s`,
        '--timeout=10s',
        `--script=${script}`,
        options.url,
      ],
      { maxBuffer: 1024 * 1024 },
    );
    const line = stdout.split('\n').find((text) => text.startsWith('BENCH-JSON '));
    if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
    const raw = JSON.parse(line.slice('BENCH-JSON '.length)) as Record<string, number>;
    const requests = raw.requests ?? 0;
    const seconds = (raw.durationUs ?? 1) / 1e6;
    return {
      requests,
      requestsPerSecond: round(requests / seconds, 1),
      p50Ms: round((raw.p50Us ?? 0) / 1000, 2),
      p99Ms: round((raw.p99Us ?? 0) / 1000, 2),
      bytesPerResponse: requests === 0 ? 0 : Math.round((raw.bytes ?? 0) / requests),
      badStatus: raw.status ?? 0,
      errors: raw.errors ?? 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method,
    headers: options.headers,
    body: options.body,
    connections: options.connections,
    duration: options.seconds,
  });
  const requests = result.requests.total;
  return {
    requests,
    requestsPerSecond: round(requests / result.duration, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    bytesPerResponse: requests === 0 ? 0 : Math.round(result.throughput.total / requests),
    badStatus: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export function createLoadGenerator(): { name: LoadGenerator; load: typeof runAutocannon } {
  const wrk = findWrk();
  if (wrk) return { name: 'wrk', load: (options) => runWrk(wrk, options) };
  return { name: 'autocannon', load: runAutocannon };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
