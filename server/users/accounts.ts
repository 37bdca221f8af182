// Creating accounts and changing their names and email (API.md §9). Usernames and
// emails are unique ignoring case, a rule the course's (case-sensitive) unique
// columns cannot enforce: every write that could break it runs in a transaction
// serialized with the others (portable.ts), so two sign-ups racing for "Ada" and
// "ada" get one 201 and one 400. The exact-case unique constraints stay as a backstop.
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Executor } from '../db/executor';
import { isUniqueViolation, serializeTransactions, toDbTime } from '../db/portable';
import { badRequest } from '../errors';
import { USER_COLUMNS, type UserFields } from './users.mapper';

/** Any fixed number: the advisory lock every account-name write takes on PostgreSQL. */
const ACCOUNT_NAMES_LOCK = 0x5048_4f54; // "PHOT"

export const USERNAME_TAKEN = 'That username is taken: choose another one.';
export const EMAIL_TAKEN = 'That email address belongs to another account.';

/** Runs `write` so that no other account-name write interleaves with it. */
export function withAccountNamesLocked<T>(
  db: Db,
  write: (trx: Executor) => Promise<T>,
): Promise<T> {
  return db.kysely.transaction().execute(async (trx) => {
    await serializeTransactions(trx, db.dialect, ACCOUNT_NAMES_LOCK);
    try {
      return await write(trx);
    } catch (error) {
      // A row written by another program meanwhile, with exactly this name: the
      // driver's error names the constraint (pg) or the column (SQLite).
      if (isUniqueViolation(error)) {
        const detail = `${(error as { constraint?: string }).constraint ?? ''} ${String(error)}`;
        throw badRequest(/email/i.test(detail) ? EMAIL_TAKEN : USERNAME_TAKEN);
      }
      throw error;
    }
  });
}

/** Whether a user has this username, ignoring case. */
export async function isUsernameTaken(trx: Executor, username: string): Promise<boolean> {
  const row = await trx
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a user other than `exceptUserId` has this email, ignoring case. */
export async function isEmailTaken(
  trx: Executor,
  email: string,
  exceptUserId?: number,
): Promise<boolean> {
  let query = trx
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase());
  if (exceptUserId !== undefined) query = query.where('id', '<>', exceptUserId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface NewAccount {
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  password_hash: string;
}

/** Inserts the account (password_plaintext stays NULL: API.md §2) and returns it. */
export function insertAccount(trx: Executor, account: NewAccount): Promise<UserFields> {
  return trx
    .insertInto('users')
    .values({ ...account, password_plaintext: null, date_created: toDbTime(new Date()) })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export interface ProfileChanges {
  first_name?: string;
  last_name?: string;
  email?: string;
  image_url?: string | null;
  thumb_url?: string | null;
}

/** Applies the changes (the username never changes) and returns the user as it is now. */
export async function updateProfile(
  trx: Executor,
  userId: number,
  changes: ProfileChanges,
): Promise<UserFields | undefined> {
  if (Object.keys(changes).length > 0) {
    await trx.updateTable('users').set(changes).where('id', '=', userId).execute();
  }
  return trx.selectFrom('users').select(USER_COLUMNS).where('id', '=', userId).executeTakeFirst();
}
