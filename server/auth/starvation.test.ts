// API.md §5: password hashing never slows anything else down. 60 failing logins in
// parallel (each a real scrypt in the hash pool) while one client fetches a static file, the
// page and an API answer over real sockets: their latency must stay that of a quiet
// server. The bound here is generous (p99 under 500 ms) so that a busy test machine
// cannot make it flaky; before the hash pool these took about 10 s. The real numbers
// come from `npm run bench:login` (README, Authentication).
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { bearer, createUser } from '../../test/fixtures';
import { testDialect, useTestApp } from '../../test/helpers';

// The built client (pages/client-build.ts serves it; auth/ may not import pages/).
const clientDistDir = path.resolve(import.meta.dirname, '..', '..', 'dist', 'client');
const built = existsSync(path.join(clientDistDir, 'index.html'));
const P99_BOUND_MS = 500;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

describe(`other requests during 60 parallel failing logins (${testDialect})`, () => {
  const t = useTestApp({
    env: {
      // Every attempt reaches the hash (limits out of the way). N=2^15, a quarter of
      // production's cost, keeps the test short; the benchmark uses full strength.
      PASSWORD_HASH_COST: '15',
      LOGIN_LIMIT_ADDRESS: '10000',
      LOGIN_LIMIT_USER_ADDRESS: '10000',
      LOGIN_LIMIT_USER: '10000',
    },
  });

  it(`keeps /assets, / and /api/profile under ${P99_BOUND_MS} ms at p99`, async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const user = await createUser(t.db);
    const auth = bearer(t.app, user.id);
    const asset = built
      ? readdirSync(path.join(clientDistDir, 'assets')).find((file) => file.endsWith('.js'))
      : undefined;
    const paths = [
      ...(asset ? [{ url: `/assets/${asset}`, status: 200 }] : []),
      // Without a client build / answers 503 "run npm run build": still a page answer.
      { url: '/', status: built ? 200 : 503 },
      { url: '/api/profile', status: 200 },
    ];

    const logins = Array.from({ length: 60 }, (_, i) =>
      fetch(`${base}/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `nobody_${i}`, password: 'wrong password' }),
      }).then((response) => response.status),
    );
    let loginsDone = false;
    const loginStatuses = Promise.all(logins).finally(() => {
      loginsDone = true;
    });

    const samples = new Map<string, number[]>(paths.map((p) => [p.url, []]));
    // At least 30 rounds, and for as long as logins are still running.
    for (let round = 0; round < 30 || !loginsDone; round++) {
      for (const { url, status } of paths) {
        const started = performance.now();
        const response = await fetch(`${base}${url}`, { headers: auth });
        await response.arrayBuffer();
        samples.get(url)?.push(performance.now() - started);
        assert.equal(response.status, status, url);
      }
      if (round > 2000) break;
    }

    const statuses = await loginStatuses;
    assert.ok(
      statuses.every((s) => s === 401 || s === 503),
      `login statuses ${statuses.join(',')}`,
    );
    assert.ok(statuses.includes(401), 'some logins were checked');
    const report: string[] = [];
    for (const [url, times] of samples) {
      times.sort((a, b) => a - b);
      const p99 = percentile(times, 99);
      report.push(
        `${url}: n=${times.length} p50=${percentile(times, 50).toFixed(1)} p99=${p99.toFixed(1)} ms`,
      );
      assert.ok(p99 < P99_BOUND_MS, `${url}: p99 ${p99.toFixed(1)} ms\n${report.join('\n')}`);
    }
    t.app.log.info(report.join('; '));
  });
});
