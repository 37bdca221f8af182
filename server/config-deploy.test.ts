// What a platform or a VM sets (PORT, DATABASE_URL with sslmode, HOST, CLIENT_DIR) and
// what the server makes of it. Pure parsing; the start-up itself is platform-start.test.ts.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from './config';
import { splitPostgresSsl } from './db/postgres-ssl';

const cwd = '/srv/app';
const secret = { JWT_SECRET: 'x'.repeat(40) };

describe('HOST', () => {
  it('defaults to 127.0.0.1 outside production and to 0.0.0.0 in production', () => {
    assert.equal(loadConfig({ ...secret }, cwd).host, '127.0.0.1');
    assert.equal(loadConfig({ ...secret, NODE_ENV: 'test' }, cwd).host, '127.0.0.1');
    assert.equal(loadConfig({ ...secret, NODE_ENV: 'production' }, cwd).host, '0.0.0.0');
  });

  it('is whatever HOST says, in production too', () => {
    const env = { ...secret, NODE_ENV: 'production', HOST: '127.0.0.1' };
    assert.equal(loadConfig(env, cwd).host, '127.0.0.1');
    assert.equal(loadConfig({ ...secret, HOST: '::' }, cwd).host, '::');
  });

  it('takes PORT as platforms set it', () => {
    assert.equal(loadConfig({ ...secret, NODE_ENV: 'production', PORT: '41234' }, cwd).port, 41234);
  });
});

describe('DATABASE_URL with sslmode (as hosted PostgreSQL hands it out)', () => {
  const production = { ...secret, NODE_ENV: 'production' };

  it('require: TLS without certificate verification, and sslmode leaves the URL', () => {
    const config = loadConfig(
      { ...production, DATABASE_URL: 'postgres://u:p%40ss@db.example.com:5432/d1?sslmode=require' },
      cwd,
    );
    assert.deepEqual(config.database, {
      dialect: 'postgres',
      url: 'postgresql://u:p%40ss@db.example.com:5432/d1',
      ssl: { rejectUnauthorized: false },
    });
  });

  it('keeps other URL parameters and reads PGSSLMODE when the URL has no sslmode', () => {
    const config = loadConfig(
      {
        ...production,
        DATABASE_URL: 'postgresql://u@h/d?application_name=photo&sslmode=no-verify',
      },
      cwd,
    );
    assert.deepEqual(config.database, {
      dialect: 'postgres',
      url: 'postgresql://u@h/d?application_name=photo',
      ssl: { rejectUnauthorized: false },
    });
    const fromEnv = loadConfig(
      { ...production, DATABASE_URL: 'postgresql://u@h/d', PGSSLMODE: 'disable' },
      cwd,
    );
    assert.deepEqual(fromEnv.database, {
      dialect: 'postgres',
      url: 'postgresql://u@h/d',
      ssl: false,
    });
  });

  it('leaves a URL without sslmode to pg unchanged (no ssl option at all)', () => {
    const config = loadConfig({ ...production, DB_URL: 'postgresql+psycopg://u@h/d' }, cwd);
    assert.deepEqual(config.database, { dialect: 'postgres', url: 'postgresql://u@h/d' });
  });

  it('stops with one line for an unknown sslmode or verify-ca without a CA', () => {
    assert.throws(
      () => loadConfig({ ...production, DATABASE_URL: 'postgres://u@h/d?sslmode=requier' }, cwd),
      /^Error: DATABASE_URL \(or PGSSLMODE\) has a problem: sslmode "requier" is not one of disable, allow, prefer, require, verify-ca, verify-full, no-verify\. /,
    );
    assert.throws(
      () => loadConfig({ ...production, DATABASE_URL: 'postgres://u@h/d?sslmode=verify-ca' }, cwd),
      /sslmode=verify-ca needs sslrootcert/,
    );
    assert.throws(
      () =>
        loadConfig(
          { ...production, DATABASE_URL: 'postgres://u@h/d?sslmode=verify-full&sslrootcert=/nope' },
          cwd,
        ),
      /sslrootcert names the file "\/nope", which cannot be read/,
    );
  });
});

describe('splitPostgresSsl: libpq meanings as pg options', () => {
  const files: Record<string, string> = { '/ca.pem': 'CA', '/c.pem': 'CERT', '/k.pem': 'KEY' };
  const read = (file: string) => {
    const text = files[file];
    if (text === undefined) throw new Error('ENOENT');
    return text;
  };
  const sslOf = (query: string, fallback?: string) =>
    splitPostgresSsl(`postgresql://u@h/d${query}`, fallback, read).ssl;

  it('disable and allow: plain TCP', () => {
    assert.equal(sslOf('?sslmode=disable'), false);
    assert.equal(sslOf('?sslmode=allow'), false);
  });

  it('prefer, require and no-verify: encrypted, the certificate not checked', () => {
    for (const mode of ['prefer', 'require', 'no-verify', 'REQUIRE']) {
      assert.deepEqual(sslOf(`?sslmode=${mode}`), { rejectUnauthorized: false }, mode);
    }
  });

  it('require with sslrootcert and verify-ca: the chain is checked, the host name is not', () => {
    for (const mode of ['require', 'verify-ca']) {
      const ssl = sslOf(`?sslmode=${mode}&sslrootcert=/ca.pem`);
      assert.ok(ssl !== false && ssl !== undefined);
      assert.equal(ssl.ca, 'CA');
      assert.equal(ssl.rejectUnauthorized, undefined, 'Node verifies the chain by default');
      assert.equal(typeof ssl.checkServerIdentity, 'function');
      assert.equal(ssl.checkServerIdentity?.('h', {} as never), undefined);
    }
  });

  it('verify-full: chain and host name, with the system CAs unless sslrootcert is given', () => {
    assert.deepEqual(sslOf('?sslmode=verify-full'), {});
    assert.deepEqual(
      sslOf('?sslmode=verify-full&sslrootcert=/ca.pem&sslcert=/c.pem&sslkey=/k.pem'),
      {
        ca: 'CA',
        cert: 'CERT',
        key: 'KEY',
      },
    );
  });

  it('prefers the URL sslmode over PGSSLMODE and removes every ssl parameter from the URL', () => {
    const split = splitPostgresSsl(
      'postgresql://u@h:6543/d?sslmode=verify-full&sslrootcert=/ca.pem&x=1',
      'disable',
      read,
    );
    assert.equal(split.url, 'postgresql://u@h:6543/d?x=1');
    assert.deepEqual(split.ssl, { ca: 'CA' });
    assert.equal(sslOf('', 'require') !== false, true);
    assert.equal(sslOf(''), undefined);
  });
});

describe('CLIENT_DIR', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'photo-client-dir-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is null when unset, and an absolute directory when it holds an index.html', () => {
    assert.equal(loadConfig({ ...secret }, cwd).clientDir, null);
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>x</title>');
    assert.equal(
      loadConfig({ ...secret, CLIENT_DIR: 'dist' }, dir).clientDir,
      path.join(dir, 'dist'),
    );
  });

  it('stops start-up with one line when the directory is missing, a file, or has no index.html', () => {
    writeFileSync(path.join(dir, 'file'), '');
    mkdirSync(path.join(dir, 'empty'));
    for (const [value, problem] of [
      ['missing', 'does not exist'],
      ['file', 'is not a directory'],
      ['empty', 'has no index.html'],
    ] as const) {
      assert.throws(
        () => loadConfig({ ...secret, CLIENT_DIR: value }, dir),
        (error: unknown) =>
          error instanceof Error &&
          !error.message.includes('\n') &&
          error.message.startsWith(`CLIENT_DIR (${path.join(dir, value)}) ${problem}. Point it at`),
        value,
      );
    }
  });
});
