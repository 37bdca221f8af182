// API.md §10 "Several processes": WEB_CONCURRENCY=2 workers share the port; a worker
// killed with SIGKILL is replaced while the other keeps answering; SIGTERM to the
// primary ends every process with exit 0.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { send } from './http';
import {
  START_TIMEOUT_MS,
  childPids,
  isRunning,
  startSqliteWorkers,
  listeningWorkers,
  waitForOutput,
  type SqliteServer,
} from './processes';

describe('WEB_CONCURRENCY=2', () => {
  let server: SqliteServer | undefined;
  after(() => server?.remove());

  it('replaces a killed worker while the port keeps answering, and SIGTERM ends all with exit 0', async () => {
    const current = (server = await startSqliteWorkers(2));
    const workers = childPids(current.child.pid!);
    assert.equal(workers.length, 2, 'the primary has two worker processes');
    assert.deepEqual(new Set(listeningWorkers(current.output())), new Set(workers));

    const [victim, survivor] = workers as [number, number];
    process.kill(victim, 'SIGKILL');
    await waitForOutput(
      current,
      (out) => out.includes(`worker ${victim} exited (signal SIGKILL)`),
      10_000,
      'death noticed',
    );

    // The replacement takes seconds to start; meanwhile the survivor answers every request.
    const answers = [];
    for (let i = 0; i < 20; i++)
      answers.push(await send(current.url, { path: '/healthz', agent: false }));
    assert.deepEqual(
      answers.map((a) => a.status ?? a.error),
      Array(20).fill(200),
    );

    await waitForOutput(
      current,
      (out) => listeningWorkers(out).some((pid) => pid !== victim && pid !== survivor),
      START_TIMEOUT_MS,
      'replacement worker listening',
    );
    const replacement = listeningWorkers(current.output()).find(
      (pid) => pid !== victim && pid !== survivor,
    )!;
    assert.deepEqual(new Set(childPids(current.child.pid!)), new Set([survivor, replacement]));
    assert.equal((await send(current.url, { path: '/healthz', agent: false })).status, 200);

    const exited = once(current.child, 'exit');
    current.child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0, current.output().slice(-3000));
    assert.equal(isRunning(survivor), false, 'the survivor has exited');
    assert.equal(isRunning(replacement), false, 'the replacement has exited');
  });
});
