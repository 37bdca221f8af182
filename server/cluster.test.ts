// The workers' heap flags: added to what node was started with, unless the operator
// already chose a value for the same flag (on the command line or in NODE_OPTIONS).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { WORKER_HEAP_FLAGS, workerExecArgv } from './cluster';

const growth = WORKER_HEAP_FLAGS.find((flag) => flag.startsWith('--heap-growing-percent='));

describe('workerExecArgv', () => {
  it('starts workers with the heap flags, then node’s own options', () => {
    assert.deepEqual(workerExecArgv([]), WORKER_HEAP_FLAGS);
    assert.deepEqual(workerExecArgv(['--enable-source-maps'], '--trace-warnings'), [
      ...WORKER_HEAP_FLAGS,
      '--enable-source-maps',
    ]);
  });

  it('leaves out a flag the operator set, in either spelling, on the command line or in NODE_OPTIONS', () => {
    assert.ok(growth);
    assert.deepEqual(workerExecArgv(['--max-semi-space-size=16']), [
      growth,
      '--max-semi-space-size=16',
    ]);
    assert.deepEqual(workerExecArgv([], ' --max_semi_space_size=32  --max-old-space-size=512'), [
      growth,
    ]);
    assert.deepEqual(workerExecArgv(['--heap-growing-percent=0', '--max-semi-space-size=0']), [
      '--heap-growing-percent=0',
      '--max-semi-space-size=0',
    ]);
  });
});

describe('the shipped start commands', () => {
  // A single process (one CPU, WEB_CONCURRENCY=1) forks no worker: V8 fixes the heap at
  // start, so the flags must be on node's own command line.
  for (const [file, pattern] of [
    ['Procfile', /^web: (.*)$/m],
    ['deploy/photo-app.service', /^ExecStart=(.*)$/m],
  ] as const) {
    it(`${file} starts node with the heap flags`, () => {
      const command = pattern.exec(
        readFileSync(path.join(import.meta.dirname, '..', file), 'utf8'),
      )?.[1];
      assert.ok(command, `${file} has a start command`);
      const words = command.split(/\s+/);
      const script = words.indexOf('scripts/start.js');
      assert.ok(script > 0, command);
      for (const flag of WORKER_HEAP_FLAGS) {
        assert.ok(words.slice(0, script).includes(flag), `${file}: ${flag} before the script`);
      }
      // The workers then inherit them instead of getting them twice.
      assert.deepEqual(workerExecArgv(words.slice(1, script)), words.slice(1, script));
    });
  }
});
