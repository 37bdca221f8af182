import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, parseDatabaseUrl } from './config';

const cwd = '/srv/app';

describe('parseDatabaseUrl', () => {
  it('accepts the course .env SQLAlchemy URLs unchanged', () => {
    for (const [input, url] of [
      [
        'postgresql+psycopg://root:pw@127.0.0.1/photo-app',
        'postgresql://root:pw@127.0.0.1/photo-app',
      ],
      [
        'postgresql+psycopg2://root@localhost:5432/photos',
        'postgresql://root@localhost:5432/photos',
      ],
      ['postgres://u@h/d', 'postgresql://u@h/d'],
    ] as const)
      assert.deepEqual(parseDatabaseUrl(input, cwd), { dialect: 'postgres', url }, input);
  });

  it('reads SQLite paths and sqlite:/// URLs relative to the working directory', () => {
    for (const [input, file] of [
      ['data/x.db', '/srv/app/data/x.db'],
      ['sqlite:///data/x.db', '/srv/app/data/x.db'],
      ['sqlite:////tmp/x.db', '/tmp/x.db'],
    ] as const)
      assert.deepEqual(parseDatabaseUrl(input, cwd), { dialect: 'sqlite', file }, input);
  });

  it('refuses other schemes and URLs without a database, naming the variable', () => {
    assert.throws(
      () => parseDatabaseUrl('mysql://u@h/d', cwd, 'DB_URL'),
      /^Error: DB_URL uses the unsupported scheme "mysql"/,
    );
    assert.throws(
      () => parseDatabaseUrl('postgresql://u@h', cwd),
      (error: unknown) =>
        error instanceof ConfigError && /DATABASE_URL names no database/.test(error.message),
    );
  });
});

describe('loadConfig', () => {
  it('has the contract defaults', () => {
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 's'.repeat(40) }, cwd);
    assert.equal(config.port, 5000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.accessTokenTtlSeconds, 900);
    assert.equal(config.refreshTokenTtlSeconds, 30 * 86400);
    assert.equal(config.cookieSecure, false);
    assert.deepEqual(config.loginLimits, { device: 10, userAddress: 10, user: 20, address: 50 });
    assert.equal(config.loginCounterStore, 'memory');
    assert.equal(config.loginFailureWindowSeconds, 15 * 60);
    assert.deepEqual(config.database, { dialect: 'sqlite', file: '/srv/app/data/photo-app.db' });
  });

  it('uses DB_URL when DATABASE_URL is absent, and DATABASE_URL first', () => {
    const both = loadConfig(
      {
        NODE_ENV: 'test',
        JWT_SECRET: 'x',
        DB_URL: 'postgresql+psycopg://a@h/one',
        DATABASE_URL: 'postgres://b@h/two',
      },
      cwd,
    );
    assert.deepEqual(both.database, { dialect: 'postgres', url: 'postgresql://b@h/two' });
    const alias = loadConfig(
      { NODE_ENV: 'test', JWT_SECRET: 'x', DB_URL: 'postgresql+psycopg://a@h/one' },
      cwd,
    );
    assert.deepEqual(alias.database, { dialect: 'postgres', url: 'postgresql://a@h/one' });
  });

  it('stops with one line naming the variable and the fix', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc', JWT_SECRET: 'x' }, cwd),
      /^Error: PORT is "abc"\. Set it to a whole number from 0 to 65535\.$/,
    );
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production' }, cwd),
      /JWT_SECRET is required when NODE_ENV=production/,
    );
    assert.throws(
      () => loadConfig({ JWT_SECRET: 'x', JWT_COOKIE_SECURE: 'maybe' }, cwd),
      /JWT_COOKIE_SECURE is "maybe"\. Set it to true or false/,
    );
    assert.throws(
      () => loadConfig({ JWT_SECRET: 'x', CORS_ORIGINS: 'example.com' }, cwd),
      /CORS_ORIGINS contains "example.com"/,
    );
  });

  it('trusts proxy headers only when TRUST_PROXY says so', () => {
    assert.equal(loadConfig({ JWT_SECRET: 'x' }, cwd).trustProxy, false);
    assert.equal(loadConfig({ JWT_SECRET: 'x', TRUST_PROXY: 'true' }, cwd).trustProxy, true);
    assert.equal(
      loadConfig({ JWT_SECRET: 'x', TRUST_PROXY: '10.0.0.1,10.0.0.2' }, cwd).trustProxy,
      '10.0.0.1,10.0.0.2',
    );
  });

  it('runs one worker per CPU in production and one otherwise (API.md §10)', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    assert.equal(loadConfig(production, cwd).webConcurrency, availableParallelism());
    assert.equal(loadConfig({ JWT_SECRET: 'x' }, cwd).webConcurrency, 1);
    assert.equal(loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x' }, cwd).webConcurrency, 1);
    assert.equal(loadConfig({ ...production, WEB_CONCURRENCY: '3' }, cwd).webConcurrency, 3);
    assert.throws(
      () => loadConfig({ JWT_SECRET: 'x', WEB_CONCURRENCY: '0' }, cwd),
      /WEB_CONCURRENCY is "0"\. Set it to a whole number from 1 to 64/,
    );
    assert.deepEqual(loadConfig({ JWT_SECRET: 'x' }, cwd).databaseTimeouts, {
      connectMs: 3000,
      statementMs: 5000,
    });
  });

  it('secures cookies by default in production only', () => {
    assert.equal(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, cwd).cookieSecure,
      true,
    );
    assert.equal(
      loadConfig(
        { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), JWT_COOKIE_SECURE: 'false' },
        cwd,
      ).cookieSecure,
      false,
    );
  });

  it('generates a development secret once and keeps it under the data directory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'photo-config-'));
    const first = loadConfig({ NODE_ENV: 'development' }, dir);
    const second = loadConfig({ NODE_ENV: 'development' }, dir);
    assert.equal(first.jwtSecretGenerated, true);
    assert.ok(first.jwtSecret.length >= 43);
    assert.equal(second.jwtSecret, first.jwtSecret);
    assert.equal(
      readFileSync(path.join(dir, 'data', 'jwt-secret'), 'utf8').trim(),
      first.jwtSecret,
    );
  });
});
