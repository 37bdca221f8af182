// API.md §10 on SQLite with two workers sharing the file: about 60 s of mixed load
// (FAULT_SOAK_SECONDS to change it). No 5xx, no "database is locked", every
// acknowledged write in the file, and worker memory that levels off (RSS reported
// after warm-up, at half time and at the end).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase } from '../../server/db/database';
import { logIn } from './http';
import { checkAcknowledged, countStatus, startMixedLoad } from './mixed-load';
import { childPids, rssMiB, startSqliteWorkers, type SqliteServer } from './processes';

const SOAK_SECONDS = Number(process.env.FAULT_SOAK_SECONDS ?? 60);
const WARM_UP_SECONDS = 10;

describe(`SQLite, two workers, ${SOAK_SECONDS} s of mixed load`, () => {
  let server: SqliteServer | undefined;
  after(() => server?.remove());

  it('answers no 5xx, never says "database is locked", keeps every write, and levels off in memory', async () => {
    const current = (server = await startSqliteWorkers(2));
    const workers = childPids(current.child.pid!);
    const rss = () => workers.map((pid) => rssMiB(pid));
    const load = startMixedLoad(current.url, await logIn(current.url), 6);

    await sleep(WARM_UP_SECONDS * 1000);
    const atStart = rss();
    await sleep(((SOAK_SECONDS - WARM_UP_SECONDS) / 2) * 1000);
    const atHalf = rss();
    await sleep(((SOAK_SECONDS - WARM_UP_SECONDS) / 2) * 1000);
    const atEnd = rss();
    await load.stop();

    const { stats, acknowledged } = load;
    const db = createDatabase({ dialect: 'sqlite', file: current.databaseFile });
    let problems: string[];
    try {
      problems = await checkAcknowledged(db, acknowledged);
    } finally {
      await db.close();
    }
    const mib = (values: number[]) => values.map((value) => `${value.toFixed(1)}`).join(' + ');
    console.log(
      `Soak: ${stats.requests} requests (${(stats.requests / SOAK_SECONDS).toFixed(0)}/s), ` +
        `${countStatus(stats, 200, 300)} 2xx, ${countStatus(stats, 500, 600)} 5xx, ${stats.failures} without an answer; ` +
        `${acknowledged.posts.size} posts, ${acknowledged.likes.size} likes, ${acknowledged.bookmarks.size} bookmarks, ` +
        `${acknowledged.comments.size} comments acknowledged.\n` +
        `Worker RSS (MiB) after ${WARM_UP_SECONDS} s warm-up: ${mib(atStart)}; at half time: ${mib(atHalf)}; at the end: ${mib(atEnd)}`,
    );

    const samples = JSON.stringify(stats.samples.slice(0, 5));
    assert.equal(countStatus(stats, 500, 600), 0, `5xx answers: ${samples}`);
    assert.equal(stats.failures, 0, `requests without a complete answer: ${samples}`);
    assert.equal(countStatus(stats, 400, 500), 0, samples);
    assert.doesNotMatch(current.output(), /database is locked|SQLITE_BUSY|Database busy/i);
    assert.deepEqual(problems, []);
    assert.ok(countStatus(stats, 200, 300) > 500, 'the load did real work');
    for (const [index, end] of atEnd.entries()) {
      const start = atStart[index] ?? 0;
      // Levels off: the second half grows no more than a little past the first (a
      // leak grows steadily; caches and the JIT settle).
      assert.ok(
        end <= start * 1.5 + 32,
        `worker ${workers[index]} grew from ${start} to ${end} MiB`,
      );
    }
  });
});
