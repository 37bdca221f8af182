// The workers' heap flags: added to what node was started with, unless the operator
// already chose a value for the same flag (on the command line or in NODE_OPTIONS).
import assert from 'node:assert/strict';
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
