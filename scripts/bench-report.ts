// The bench's results: one row per endpoint and configuration, printed as a table
// with each row's share of the bare node:http baseline, and saved as JSON (--json).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { LoadGenerator, LoadResult } from './bench-load';

export interface Row extends LoadResult {
  /** "baseline", or "<dialect> <dataset>". */
  configuration: string;
  endpoint: string;
  connections: number;
  /** Resident memory of each worker after the configuration's last run, MB. */
  rssMb: number[];
  /** requests/s as a percentage of the baseline's. */
  percentOfBaseline: number | null;
  /** The server's CPU time (all its processes) during the load per request, µs; null without /proc. */
  cpuUsPerRequest: number | null;
  /** PostgreSQL's CPU time (all its processes on this machine) per request, µs; null otherwise. */
  databaseCpuUsPerRequest: number | null;
}

export interface Meta {
  date: string;
  generator: LoadGenerator;
  threads: number;
  durationSeconds: number;
  workers: string;
  encoding: string;
}

function machine() {
  return {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

export function describeMachine(): string {
  const m = machine();
  return `${m.cores} × ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}, load average ${m.loadAverage.join(' ')}`;
}

export function printTable(rows: Row[]): void {
  const header = [
    'configuration',
    'endpoint',
    'conns',
    'req/s',
    '% base',
    'p50 ms',
    'p99 ms',
    'CPU µs/req',
    'DB µs/req',
    'bytes',
    'RSS MB',
    'bad',
  ];
  const lines = rows.map((r) => [
    r.configuration,
    r.endpoint,
    String(r.connections),
    r.requestsPerSecond.toLocaleString('en-US'),
    r.percentOfBaseline === null ? '' : r.percentOfBaseline.toFixed(1),
    r.p50Ms.toFixed(2),
    r.p99Ms.toFixed(2),
    r.cpuUsPerRequest === null ? '' : r.cpuUsPerRequest.toFixed(0),
    r.databaseCpuUsPerRequest === null ? '' : r.databaseCpuUsPerRequest.toFixed(0),
    String(r.bytesPerResponse),
    r.rssMb.join('/'),
    String(r.badStatus + r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(
    ['', format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join(
      '\n',
    ),
  );
}

export function saveJson(file: string, meta: Meta, rows: Row[]): void {
  writeFileSync(
    file,
    JSON.stringify({ meta: { ...meta, machine: machine() }, rows }, null, 2) + '\n',
  );
}
