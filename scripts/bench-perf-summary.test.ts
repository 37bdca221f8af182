import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ownerOf, parsePerfScript, summarisePerf } from './bench-perf-summary';

// Shaped like `perf script -F comm,pid,tid,ip,sym` of `node --perf-basic-prof` workers.
const SCRIPT = [
  'node 101/101 ',
  '\t          88257a sqlite3VdbeExec',
  '\t          88aaaa better_sqlite3::Statement::JS_all',
  '\t    7f86b82276ab JS:*run file:///srv/app/dist/server/main.js:750:21',
  '',
  'node 101/107 ',
  '\t          c0ffee v8::internal::Scavenger::ScavengeObject<v8::internal::FullHeapObjectSlot>+0x45d',
  '\t          c0ffef v8::platform::DefaultJobWorker::Run',
  '',
  'node 102/102 ',
  '\t          14d1546 Builtins_CallApiCallback',
  '\t    7f86b82276ab JS:*slice node:buffer:635:12',
  '\t    7f86b82ec99e JS:*parseDataRowMessage /srv/app/node_modules/pg-protocol/dist/parser.js:228:29',
  '',
  'node 102/102 ',
  '\t    7f86b82ec99e JS:*anonymous1 :386:27',
  '\t    7f86b82ec99f JS:*Reply.send /srv/app/node_modules/fastify/lib/reply.js:156:33',
  '',
  'node 102/102 ',
  '\tffffffff821ef691 do_syscall_64',
  '\t           d4ad7 epoll_wait',
  '\t          1234 uv__io_poll',
  '',
  'postgres 300/300 ',
  '\t          595bce ExecScan',
  '',
  'postgres 300/300 ',
  '\t          595bce ExecSubPlan',
  '',
  'wrk 400/401 ',
  '\t          1 socket_write',
  '',
  'swapper 0/0 ',
  '\tffffffff81000000 default_idle',
  '',
  'Web Content 500/501 ',
  '\t          1 something',
  '',
].join('\n');

describe('parsePerfScript', () => {
  it('reads each sample: command (even with spaces), process id and frames innermost first, offsets dropped', () => {
    const samples = parsePerfScript(SCRIPT);
    assert.equal(samples.length, 10);
    assert.deepEqual(samples[0], {
      comm: 'node',
      pid: 101,
      frames: [
        'sqlite3VdbeExec',
        'better_sqlite3::Statement::JS_all',
        'JS:*run file:///srv/app/dist/server/main.js:750:21',
      ],
    });
    assert.equal(samples[1]!.pid, 101, 'a helper thread counts for its process');
    assert.equal(
      samples[1]!.frames[0],
      'v8::internal::Scavenger::ScavengeObject<v8::internal::FullHeapObjectSlot>',
    );
    assert.equal(samples[9]!.comm, 'Web Content');
  });
});

describe('ownerOf', () => {
  const cases: Array<[string, string[]]> = [
    ['SQLite (native)', ['sqlite3VdbeExec', 'JS:*run file:///srv/app/dist/server/main.js:1:1']],
    [
      'garbage collection',
      ['v8::internal::Scavenger::Process', 'v8::platform::DefaultJobWorker::Run'],
    ],
    // A builtin or native call is charged to the JavaScript that made it.
    [
      'node:buffer',
      [
        'Builtins_CallApiCallback',
        'JS:*slice node:buffer:635:12',
        'JS:*parse /x/node_modules/pg-protocol/dist/parser.js:26:10',
      ],
    ],
    [
      'pg-protocol',
      ['Builtins_LoadIC', 'JS:*parse /x/node_modules/pg-protocol/dist/parser.js:26:10'],
    ],
    ['@fastify/compress', ['JS:*onSend /x/node_modules/@fastify/compress/index.js:331:19']],
    ['node:streams/writable', ['JS:*clearBuffer node:internal/streams/writable:744:21']],
    [
      'the app (dist/server)',
      ['Builtins_JsonParse', 'JS:* file:///srv/app/dist/server/main.js:1009:23'],
    ],
    ['fast-json-stringify (generated)', ['JS:*anonymous1 :386:27']],
    [
      'brotli / zlib (native)',
      ['BrotliCompressFragmentTwoPassImpl15.constprop.0', 'JS:*processChunkSync node:zlib:393:26'],
    ],
    ['event loop, I/O (no JavaScript on the stack)', ['epoll_wait', 'uv__io_poll']],
  ];
  for (const [owner, frames] of cases) {
    it(`${frames[0]} … → ${owner}`, () => assert.equal(ownerOf(frames), owner));
  }
});

describe('summarisePerf', () => {
  it('splits the machine by process group and the server by owner, with CPU per request', () => {
    const text = summarisePerf(parsePerfScript(SCRIPT), {
      serverPids: new Set([101, 102]),
      sampleMicros: 1000,
      requests: 2,
      top: 20,
    });
    const lines = text.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
    // 10 samples: 5 server, 2 PostgreSQL, 1 wrk, 1 idle, 1 other; 1,000 µs each over 2 requests.
    assert.ok(lines.includes('50.0 % 2,500 µs/req the server (node)'), text);
    assert.ok(lines.includes('20.0 % 1,000 µs/req PostgreSQL'), text);
    assert.ok(lines.includes('10.0 % 500 µs/req load generator (wrk)'), text);
    assert.ok(lines.includes('10.0 % 500 µs/req idle'), text);
    assert.ok(lines.includes('10.0 % 500 µs/req other processes'), text);
    // Shares of the server's own 5 samples.
    assert.ok(lines.includes('20.0 % 500 µs/req SQLite (native)'), text);
    assert.ok(lines.includes('20.0 % 500 µs/req garbage collection'), text);
    assert.ok(lines.includes('20.0 % 500 µs/req node:buffer'), text);
    assert.ok(lines.includes('20.0 % 500 µs/req fast-json-stringify (generated)'), text);
    assert.ok(
      lines.includes('20.0 % 500 µs/req event loop, I/O (no JavaScript on the stack)'),
      text,
    );
  });
});
