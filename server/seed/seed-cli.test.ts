// npm run db:seed as a user runs it. SQLite only, by design: the command is
// dialect-agnostic glue, and seed.test.ts covers what it calls on both dialects.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createDatabase } from '../db/database';
import { testDialect } from '../../test/helpers';

const cliFile = fileURLToPath(new URL('./seed-cli.ts', import.meta.url));
const tsxLoader = import.meta.resolve('tsx');

// The CLI's argument handling is dialect-independent; seed.test.ts covers both dialects.
if (testDialect === 'sqlite')
  describe('npm run db:seed', () => {
    let dir: string;
    let file: string;
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'photo-seed-cli-'));
      file = path.join(dir, 'photo-app.db');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const seed = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', tsxLoader, cliFile, ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          DATABASE_URL: file,
          JWT_SECRET: 'x'.repeat(40),
        },
      });

    async function usernames(): Promise<string[]> {
      const db = createDatabase({ dialect: 'sqlite', file });
      try {
        const rows = await db.kysely.selectFrom('users').select('username').orderBy('id').execute();
        return rows.map((row) => row.username);
      } finally {
        await db.close();
      }
    }

    it('migrates and loads the demo data into a new database', async () => {
      const result = seed();
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Loaded the demo data: 30 users/);
      assert.equal((await usernames())[0], 'webdev');
    });

    it('refuses to seed over existing users and says how to reset', () => {
      const result = seed();
      assert.equal(result.status, 1);
      assert.match(result.stderr, /--reset/);
    });

    it('wipes and reseeds with --reset', async () => {
      const before = await usernames();
      const result = seed('--reset');
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(await usernames(), before);
    });

    it('explains a wrong command line with the usage', () => {
      for (const args of [['--bogus'], ['--users', 'many'], ['--posts-per-user', '3']]) {
        const result = seed(...args);
        assert.equal(result.status, 1, args.join(' '));
        assert.match(result.stderr, /Usage: npm run db:seed/, args.join(' '));
      }
    });
  });
