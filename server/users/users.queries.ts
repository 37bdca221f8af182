// The one place every feature, auth and the plugins ask for users. Every function
// takes the executor first, so a transaction is just another argument.
import type { User } from '../../contract';
import { compiledQuery } from '../db/compiled-query';
import type { Executor } from '../db/executor';
import { fromDbTime } from '../db/portable';
import { toUser, USER_COLUMNS, type UserFields } from './users.mapper';

/** A disabled account is treated as absent everywhere: it cannot log in or use a token. */
export function isActive(user: { is_disabled: boolean | number }): boolean {
  return !user.is_disabled;
}

/** Every request's first statement: compiled once per shape (db/compiled-query.ts). */
const activeUserQuery = compiledQuery(
  (db, values: { userId: number; sessionId: string | undefined }) =>
    db
      .selectFrom('users')
      .select([...USER_COLUMNS, 'is_disabled'])
      .where('id', '=', values.userId)
      .$if(values.sessionId !== undefined, (qb) =>
        qb
          // The session's last use rides along, so that noting a use needs no query.
          .select(({ selectFrom }) =>
            selectFrom('sessions')
              .select('sessions.last_used_at')
              .where('sessions.id', '=', values.sessionId ?? '')
              .whereRef('sessions.user_id', '=', 'users.id')
              .as('session_last_used_at'),
          )
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('sessions')
                .select('sessions.id')
                .where('sessions.id', '=', values.sessionId ?? '')
                .whereRef('sessions.user_id', '=', 'users.id'),
            ),
          ),
      ),
);

/**
 * The user behind a token: present and not disabled, with the columns that may leave
 * the server. With `sessionId` (the token's sid claim) the session must be live too,
 * checked in this same statement so that ending a session costs no request a query,
 * and its last use read with it (null without a session).
 */
export async function findActiveUser(
  db: Executor,
  userId: number,
  sessionId?: string,
): Promise<{ user: UserFields; sessionLastUsedAt: Date | null } | undefined> {
  const row = await activeUserQuery.executeTakeFirst(db, { userId, sessionId });
  if (!row || !isActive(row)) return undefined;
  const { is_disabled: _disabled, session_last_used_at: lastUsed, ...user } = row;
  return {
    user,
    sessionLastUsedAt: lastUsed === null || lastUsed === undefined ? null : fromDbTime(lastUsed),
  };
}

/**
 * What a login checks, disabled or not: the password is verified for a disabled
 * account too, so the response time does not tell (auth/credentials.ts).
 */
export function findLoginByUsername(db: Executor, username: string) {
  // Usernames match exactly, as in the course app (a unique, case-sensitive column).
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'is_disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
}

/** Compare-and-set on the old hash, so a concurrent password change stays intact. */
export async function replacePasswordHash(
  db: Executor,
  userId: number,
  from: string,
  to: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: to })
    .where('id', '=', userId)
    .where('password_hash', '=', from)
    .execute();
}

/** Whether a user with this id exists (disabled or not: API.md §4 lets you follow them). */
export async function userExists(db: Executor, userId: number): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !==
    undefined
  );
}

const usersByIdsQuery = compiledQuery((db, values: { ids: number[] }) =>
  db.selectFrom('users').select(USER_COLUMNS).where('id', 'in', values.ids),
);

export function findUsersByIds(db: Executor, ids: number[]): Promise<UserFields[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return usersByIdsQuery.execute(db, { ids });
}

/** The users with these ids (duplicates allowed) as wire Users, in one statement. */
export async function findUsersById(
  db: Executor,
  ids: Iterable<number>,
): Promise<Map<number, User>> {
  const users = await findUsersByIds(db, [...new Set(ids)]);
  return new Map(users.map((user) => [user.id, toUser(user)]));
}

/**
 * Pairs each row with the user it names, in one statement whatever the number of
 * rows; a row whose user was deleted meanwhile (by another program) is left out.
 */
export async function withUsers<Row, Result>(
  db: Executor,
  rows: Row[],
  userIdOf: (row: Row) => number,
  build: (row: Row, user: User) => Result,
): Promise<Result[]> {
  const users = await findUsersById(db, rows.map(userIdOf));
  return rows.flatMap((row) => {
    const user = users.get(userIdOf(row));
    return user ? [build(row, user)] : [];
  });
}
