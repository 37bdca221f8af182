// API.md §10 on a real PostgreSQL server of its own (test/pg-cluster.ts), with the
// real entry point (server/main.ts as a child process) under steady mixed load:
// (a) the server restarts, (b) it is stopped for 10 s, (c) the app's connections are
// killed. After each: the app is alive, /healthz is back within 5 s, writes succeed
// again, and the database holds every write that was answered 2xx.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase } from '../../server/db/database';
import { createPgCluster, findPgBin, type PgCluster } from '../pg-cluster';
import { startServerProcess, type ServerProcess } from '../server-process';
import { logIn, send } from './http';
import { faultServerEnv, START_TIMEOUT_MS } from './processes';
import { checkAcknowledged, countStatus, startMixedLoad, type MixedLoad } from './mixed-load';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const missing =
  findPgBin() === null ? 'no PostgreSQL server binaries under /usr/lib/postgresql' : null;
// CI skips nothing: missing binaries fail the run there.
if (missing !== null && ci) throw new Error(`${missing}: the fault tests cannot run.`);
const RECOVERY_BOUND_MS = 5000;
const DATABASE = 'photo_faults';

describe(
  'the app on PostgreSQL under load survives database faults',
  { skip: missing ?? false },
  () => {
    let cluster: PgCluster;
    let server: ServerProcess;
    let load: MixedLoad;
    let dir: string;
    let token: string;
    const report: string[] = [];
    const lines = (text: string) => server.output().split(text).length - 1;

    before(async () => {
      cluster = await createPgCluster();
      await cluster.withClient('postgres', (client) => client.query(`create database ${DATABASE}`));
      dir = mkdtempSync(path.join(tmpdir(), 'photo-faults-'));
      server = await startServerProcess({
        cwd: dir,
        output: 'capture',
        timeoutMs: START_TIMEOUT_MS,
        env: faultServerEnv(dir, {
          DATABASE_URL: cluster.url(DATABASE),
          LOG_LEVEL: 'info',
          WEB_CONCURRENCY: '1',
        }),
      });
      token = await logIn(server.url);
      load = startMixedLoad(server.url, token);
      await sleep(2000);
    });

    after(async () => {
      await load?.stop();
      const code = await server?.stop(12_000);
      cluster?.destroy();
      if (dir) rmSync(dir, { recursive: true, force: true });
      console.log(
        `\nFault recovery (PostgreSQL):\n${report.join('\n')}\nSIGTERM at the end: exit ${String(code)}`,
      );
    });

    /** Injects the fault, then measures and checks the recovery. */
    async function survive(name: string, inject: () => Promise<void>): Promise<void> {
      const downBefore = lines('Database unavailable');
      const backBefore = lines('Database is back');
      const writesBefore = load.stats.lastWriteOkAt;
      const unavailableBefore = load.stats.byStatus.get(503) ?? 0;
      await inject();
      const injected = performance.now();

      let healthyAfter = -1;
      while (performance.now() - injected < RECOVERY_BOUND_MS + 5000) {
        const health = await send(server.url, { path: '/healthz', agent: false, timeoutMs: 5000 });
        if (health.status === 200) {
          healthyAfter = performance.now() - injected;
          break;
        }
        await sleep(100);
      }
      while (
        load.stats.lastWriteOkAt <= Math.max(injected, writesBefore) &&
        performance.now() - injected < 20_000
      ) {
        await sleep(50);
      }
      const writeAfter = load.stats.lastWriteOkAt - injected;
      await sleep(3000); // steady load after recovery before the next fault
      report.push(
        `  ${name}: /healthz 200 after ${healthyAfter.toFixed(0)} ms, a write answered 2xx after ${writeAfter.toFixed(0)} ms` +
          ` (${(load.stats.byStatus.get(503) ?? 0) - unavailableBefore} requests answered 503 meanwhile)`,
      );

      assert.equal(
        server.child.exitCode,
        null,
        `the server exited:\n${server.output().slice(-3000)}`,
      );
      assert.ok(
        healthyAfter >= 0 && healthyAfter <= RECOVERY_BOUND_MS,
        `/healthz back after ${healthyAfter} ms`,
      );
      assert.ok(
        writeAfter > 0 && writeAfter <= healthyAfter + RECOVERY_BOUND_MS,
        `writes back after ${writeAfter} ms`,
      );
      const downLines = lines('Database unavailable') - downBefore;
      assert.ok(downLines >= 1 && downLines <= 3, `${downLines} "unavailable" lines for one fault`);
      assert.ok(lines('Database is back') - backBefore >= 1, 'one line when the database is back');
    }

    it('(a) survives a restart of the database server', async () => {
      await survive('restart', async () => cluster.restart());
    });

    it('(b) answers 503 quickly while the database is stopped for 10 s, then recovers', async () => {
      await survive('stopped for 10 s', async () => {
        await cluster.stop();
        const stoppedAt = performance.now();
        await sleep(1000);
        const health = await send(server.url, { path: '/healthz', agent: false });
        assert.equal(health.status, 503);
        assert.match(String((health.body as { reason?: string }).reason), /ECONNREFUSED/);
        assert.ok(health.endedAt - health.startedAt < 4000, 'a health check never hangs');
        const api = await send(server.url, { path: '/api/posts', agent: false, token });
        assert.equal(api.status, 503);
        assert.ok(api.endedAt - api.startedAt < 4000, 'an API request never hangs');
        await sleep(10_000 - (performance.now() - stoppedAt));
        await cluster.start();
      });
    });

    it('(c) survives pg_terminate_backend on its connections', async () => {
      await survive('connections terminated', async () => {
        const killed = await cluster.terminateConnections(DATABASE);
        assert.ok(killed > 0, 'the app had connections to kill');
      });
    });

    it('kept every acknowledged write, answered nothing but 503 among 5xx, and never hung', async () => {
      await load.stop();
      const { stats, acknowledged } = load;
      const db = createDatabase({ dialect: 'postgres', url: cluster.url(DATABASE) });
      try {
        const problems = await checkAcknowledged(db, acknowledged);
        assert.deepEqual(problems, []);
      } finally {
        await db.close();
      }
      report.push(
        `  load: ${stats.requests} requests, ${countStatus(stats, 200, 300)} 2xx, ${stats.byStatus.get(503) ?? 0} 503,` +
          ` ${stats.failures} without an answer; ${acknowledged.posts.size} posts, ${acknowledged.likes.size} likes,` +
          ` ${acknowledged.bookmarks.size} bookmarks, ${acknowledged.comments.size} comments acknowledged and found`,
      );
      const samples = JSON.stringify(stats.samples.slice(0, 5));
      assert.equal(stats.failures, 0, `requests without a complete answer: ${samples}`);
      assert.equal(countStatus(stats, 500, 503) + countStatus(stats, 504, 600), 0, samples);
      assert.equal(countStatus(stats, 400, 500), 0, samples);
      assert.ok(acknowledged.posts.size >= 10, 'the load did real work');
      assert.doesNotMatch(server.output(), /\n\s+at .+:\d+:\d+\)?\n/, 'no stack traces in the log');
    });
  },
);
