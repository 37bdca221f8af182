// Property-based test of API.md §4 over every endpoint of the OpenAPI document,
// against the production app on SQLite and PostgreSQL at once (same seeded data,
// same requests, in the same order). For every generated request:
//   - neither database answers a 5xx;
//   - both answer the same status (and, for a 4xx, the same message);
//   - a 4xx leaves every table as it was (row counts and a checksum of the rows);
//   - a 2xx body matches the response schema the document declares for it.
// It does not import test/helpers, so scripts/test.ts runs it once, not per dialect.
// FUZZ_SEED (a number, or "random"), FUZZ_RUNS (runs per endpoint) and FUZZ_ONLY override the
// fixed defaults CI uses; a failure prints the seed and the shrunk request.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { pgAdminUrl, pgUnreachableReason } from '../postgres';
import { buildDualApps, snapshotDatabase, type FuzzApp } from './dual-apps';
import { operationsOf, requestsFor, type FuzzRequest, type Operation } from './operations';
import { ResponseChecker } from './response-checker';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const seedSetting = process.env.FUZZ_SEED ?? '20251126';
const SEED = seedSetting === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(seedSetting);
const RUNS = Number(process.env.FUZZ_RUNS ?? '15');
const only = process.env.FUZZ_ONLY;
assert.ok(
  Number.isSafeInteger(SEED) && Number.isSafeInteger(RUNS) && RUNS > 0,
  'FUZZ_SEED/FUZZ_RUNS',
);

const unreachable = await pgUnreachableReason();

if (unreachable !== null) {
  const reason = `PostgreSQL at ${pgAdminUrl} is unreachable (${unreachable}): the fuzz suite compares both databases.`;
  // Outside CI, loudly skipped like the PostgreSQL half of npm test; in CI, a failure.
  describe('API fuzz on SQLite and PostgreSQL', () => {
    if (ci) it('needs PostgreSQL', () => assert.fail(reason));
    else it.skip(`SKIPPED: ${reason}`);
  });
} else {
  const apps = await buildDualApps();
  after(() => Promise.all(apps.map((a) => a.close())));
  const document = apps[0].app.swagger() as unknown as Parameters<typeof operationsOf>[0];
  const operations = operationsOf(document);
  const checker = new ResponseChecker();
  const snapshots = new Map<FuzzApp, Record<string, string>>();
  for (const a of apps) snapshots.set(a, await snapshotDatabase(a.db));
  const statuses = new Map<number, number>();
  const started = Date.now();

  const send = (a: FuzzApp, request: FuzzRequest) => {
    const headers: Record<string, string> = {};
    if (typeof request.as === 'number')
      headers.authorization = `Bearer ${a.app.tokens.sign('access', request.as).token}`;
    else if (request.as === 'forged') headers.authorization = 'Bearer eyJhbGciOiJub25lIn0.e30.';
    if (request.contentType) headers['content-type'] = request.contentType;
    return a.app.inject({
      method: request.method,
      url: request.url,
      headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
  };

  async function checkRequest(op: Operation, request: FuzzRequest): Promise<void> {
    const answers: LightMyRequestResponse[] = [];
    for (const a of apps) answers.push(await send(a, request));
    const [onSqlite, onPostgres] = answers as [LightMyRequestResponse, LightMyRequestResponse];
    const summary = apps
      .map((a, i) => `${a.name}: ${answers[i]?.statusCode} ${answers[i]?.body.slice(0, 300)}`)
      .join('\n');
    for (const answer of answers) assert.ok(answer.statusCode < 500, `5xx answer\n${summary}`);
    assert.equal(onSqlite.statusCode, onPostgres.statusCode, `different statuses\n${summary}`);
    const status = onSqlite.statusCode;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status >= 400) {
      const messages = answers.map((answer) => errorMessageOf(answer));
      assert.equal(messages[0], messages[1], `different messages\n${summary}`);
      for (const a of apps)
        assert.deepEqual(
          await snapshotDatabase(a.db),
          snapshots.get(a),
          `${a.name}: a ${status} changed the database`,
        );
      return;
    }
    for (const [i, a] of apps.entries()) {
      checker.check(op, status, answers[i] as LightMyRequestResponse, a.name);
      if (request.method !== 'GET') snapshots.set(a, await snapshotDatabase(a.db));
    }
  }

  describe(`API fuzz on SQLite and PostgreSQL (seed ${SEED}, ${RUNS} runs per endpoint)`, () => {
    it('finds the endpoints in the OpenAPI document', () => {
      assert.ok(operations.length >= 20, `only ${operations.length} operations`);
    });
    for (const [index, op] of operations.entries()) {
      // FUZZ_ONLY=<text> narrows a run to the endpoints whose "METHOD /path" contains it.
      if (only && !`${op.method} ${op.path}`.includes(only)) continue;
      it(`${op.method} ${op.path}`, async () => {
        await fc.assert(
          fc.asyncProperty(requestsFor(op), (request) => checkRequest(op, request)),
          { seed: SEED + index, numRuns: RUNS },
        );
      });
    }
    it('reports what it sent', (t) => {
      const histogram = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
      t.diagnostic(
        `seed ${SEED}; ${operations.length} endpoints × ${RUNS} runs in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${histogram.join(' ')}`,
      );
    });
  });
}

/** The {message} of an error answer (API.md §1), asserting that shape. */
function errorMessageOf(answer: LightMyRequestResponse): string {
  assert.match(String(answer.headers['content-type']), /^application\/json/, answer.body);
  const body = answer.json<{ message?: unknown }>();
  assert.equal(typeof body.message, 'string', `error body ${answer.body}`);
  // API.md §1: the error body is {message} and nothing else (no framework fields).
  assert.deepEqual(Object.keys(body), ['message'], `error body ${answer.body}`);
  return body.message as string;
}
