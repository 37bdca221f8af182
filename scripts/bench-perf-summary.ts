// Summarises `perf script` output of a whole-machine `perf record -g -a` taken while
// wrk loaded the server (npm run bench:profile -- --perf): where the machine's CPU
// went (the server's processes, PostgreSQL, the load generator, idle), and the
// server's CPU by owner, i.e. whose code was running: each sample is charged to the
// innermost frame that names JavaScript (a package, a node: module, the app's bundle)
// or a known native library; V8 builtins, libc and kernel frames are charged to the
// JavaScript that called them, and V8's garbage collection (on the main thread or
// its helper threads) to "garbage collection".

export interface PerfSample {
  comm: string;
  pid: number;
  /** Symbols, innermost first. */
  frames: string[];
}

/** Reads `perf script -F comm,pid,tid,ip,sym`: a "comm pid/tid" line, then one "ip symbol" line per frame. */
export function parsePerfScript(text: string): PerfSample[] {
  const samples: PerfSample[] = [];
  let current: PerfSample | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      current = null;
      continue;
    }
    if (line.startsWith('\t') || line.startsWith(' ')) {
      if (!current) continue;
      const symbol = line.trim().replace(/^[0-9a-f]+\s*/, '');
      current.frames.push(symbol.replace(/\+0x[0-9a-f]+$/, ''));
      continue;
    }
    // The command name may contain spaces; pid/tid is the last field.
    const match = /^(.*?)\s+(\d+)\/\d+\s*$/.exec(line);
    if (!match) continue;
    current = { comm: match[1]!.trim(), pid: Number(match[2]), frames: [] };
    samples.push(current);
  }
  return samples;
}

const NATIVE_OWNERS: Array<[string, RegExp]> = [
  [
    'garbage collection',
    /Scavenge|MarkCompact|ConcurrentMarking|Sweeper|MinorMC|IncrementalMarking|Heap::CollectGarbage/,
  ],
  ['SQLite (native)', /^sqlite3|better_sqlite3|^Statement::|^Database::/],
  ['brotli / zlib (native)', /^Brotli|^deflate|zlib|CompressionStream/],
  ['HTTP parser (native)', /llhttp|node::.*Parser::/],
];

function ownerOfJsFrame(frame: string): string | null {
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame)?.[1];
  if (module) return module;
  if (frame.includes('/dist/server/')) return 'the app (dist/server)';
  const core = /\bnode:(?:internal\/)?([a-z_/]+)/.exec(frame)?.[1];
  if (core) return `node:${core}`;
  // fast-json-stringify compiles each schema into a function with no file.
  if (/^JS:\S*anonymous\d* :\d+/.test(frame)) return 'fast-json-stringify (generated)';
  if (frame.startsWith('JS:') || frame.startsWith('RegExp:')) return 'other JavaScript';
  return null;
}

/** Whose code a server sample was running (see the file's comment). */
export function ownerOf(frames: readonly string[]): string {
  for (const frame of frames) {
    for (const [owner, pattern] of NATIVE_OWNERS) if (pattern.test(frame)) return owner;
    const owner = ownerOfJsFrame(frame);
    if (owner) return owner;
  }
  return 'event loop, I/O (no JavaScript on the stack)';
}

export interface PerfSummaryOptions {
  /** The server's processes: the primary and its workers. */
  serverPids: ReadonlySet<number>;
  /** Microseconds one sample stands for (1e6 / the sampling frequency). */
  sampleMicros: number;
  /** Requests answered while perf recorded, to give CPU per request. */
  requests: number;
  top: number;
}

function groupOf(sample: PerfSample, serverPids: ReadonlySet<number>): string {
  if (serverPids.has(sample.pid)) return 'the server (node)';
  if (sample.pid === 0) return 'idle';
  if (sample.comm === 'postgres') return 'PostgreSQL';
  if (sample.comm === 'wrk') return 'load generator (wrk)';
  return 'other processes';
}

function rows(counts: Map<string, number>, total: number, perRequest: number, top: number) {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, count]) =>
        `${((100 * count) / total).toFixed(1).padStart(6)} %  ${Math.round(count * perRequest)
          .toLocaleString('en-US')
          .padStart(6)} µs/req  ${name}`,
    );
}

export function summarisePerf(samples: readonly PerfSample[], options: PerfSummaryOptions): string {
  const perRequest = options.sampleMicros / Math.max(1, options.requests);
  const groups = new Map<string, number>();
  const owners = new Map<string, number>();
  let serverSamples = 0;
  for (const sample of samples) {
    const group = groupOf(sample, options.serverPids);
    groups.set(group, (groups.get(group) ?? 0) + 1);
    if (group !== 'the server (node)') continue;
    serverSamples++;
    const owner = ownerOf(sample.frames);
    owners.set(owner, (owners.get(owner) ?? 0) + 1);
  }
  return [
    `\nThe machine's CPU (every core) while loaded, and per request:`,
    ...rows(groups, samples.length, perRequest, options.top),
    `\nThe server's CPU by owner (share of the server's own CPU), and per request:`,
    ...rows(owners, serverSamples, perRequest, options.top),
  ].join('\n');
}
