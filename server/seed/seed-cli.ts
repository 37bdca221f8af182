// npm run db:seed [-- --reset] [-- --users N [--posts-per-user M]]
// Migrates the configured database, then loads the demo data (API.md §8) or, with
// --users, the large benchmark data set.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, readEnvironment } from '../config';
import { createDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { seedLarge } from './large';
import { createProgressBar } from './progress-bar';
import { deleteAllRows, seedDemo } from './seed';

const USAGE = 'Usage: npm run db:seed -- [--reset] [--users N [--posts-per-user M]]';

/** A wrong command line: said in one line, followed by the usage. */
class UsageError extends Error {}

function wholeNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw))
    throw new UsageError(`--${flag} is "${raw}": give a whole number, e.g. --${flag} 100000.`);
  return Number(raw);
}

async function run(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        reset: { type: 'boolean', default: false },
        users: { type: 'string' },
        'posts-per-user': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const users = wholeNumber('users', values.users);
  const postsPerUser = wholeNumber('posts-per-user', values['posts-per-user']);
  if (postsPerUser !== undefined && users === undefined) {
    throw new UsageError('--posts-per-user needs --users.');
  }

  const config = loadConfig(readEnvironment());
  const db = createDatabase(config.database);
  try {
    await migrateToLatest(db);
    if (users === undefined) {
      const summary = await seedDemo(db, { reset: values.reset });
      const counts = Object.entries(summary)
        .map(([table, count]) => `${count} ${table}`)
        .join(', ');
      console.log(`Loaded the demo data: ${counts}. Log in as webdev / password.`);
      return;
    }
    if (values.reset)
      await db.kysely.transaction().execute((trx) => deleteAllRows(trx, db.dialect));
    await seedLarge(db, { users, postsPerUser, onProgress: createProgressBar() });
    console.log(`Loaded the large data set: ${users} users.`);
  } finally {
    await db.close();
  }
}

try {
  await run();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) console.error(`${message}\n${USAGE}`);
  else console.error(error instanceof ConfigError ? `Configuration error: ${message}` : message);
  process.exitCode = 1;
}
