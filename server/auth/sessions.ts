// Server-side login sessions (API.md §5): a row per login, named by the `sid` claim
// of its tokens. A session ends by deleting its row; the statement that loads the
// current user checks the row exists (users/users.queries.ts findActiveUser), so its
// access tokens stop working at once and it costs no extra statement.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/executor';
import { fromDbTime, toDbTime } from '../db/portable';

/** The user agent is for the owner's session list only; longer ones are cut. */
const USER_AGENT_MAX = 512;

export interface SessionSummary {
  id: string;
  created: string;
  last_used: string;
  user_agent: string | null;
}

/** Records a new session for the user and answers its id. */
export async function insertSession(
  db: Executor,
  userId: number,
  userAgent: string | undefined,
): Promise<string> {
  const id = randomUUID();
  const now = toDbTime(new Date());
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      created_at: now,
      last_used_at: now,
      user_agent: userAgent ? userAgent.slice(0, USER_AGENT_MAX) : null,
    })
    .execute();
  return id;
}

/** last_used moves at most this often: a session list needs minutes, not milliseconds. */
export const LAST_USED_STEP_MS = 60_000;

/** Notes a refresh or page renewal of a live session. */
export async function touchSession(db: Executor, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_used_at: toDbTime(new Date()) })
    .where('id', '=', sessionId)
    .execute();
}

/**
 * Notes an authenticated use of a session (auth/authenticate.ts), given the last use
 * that the request's user lookup read with it: written when that is a minute old or
 * more, so most requests run no statement for it, and every worker sees the same
 * value; the UPDATE only moves a last_used that is still old, so parallel requests
 * of one session write it once.
 */
export async function noteSessionUse(
  db: Executor,
  sessionId: string,
  lastUsedAt: Date | null,
): Promise<void> {
  const now = Date.now();
  if (lastUsedAt !== null && now - lastUsedAt.getTime() < LAST_USED_STEP_MS) return;
  await db
    .updateTable('sessions')
    .set({ last_used_at: toDbTime(new Date(now)) })
    .where('id', '=', sessionId)
    .where('last_used_at', '<', toDbTime(new Date(now - LAST_USED_STEP_MS)))
    .execute();
}

/** Ends one session of the user; false when the user has no session with this id. */
export async function endOwnSession(
  db: Executor,
  userId: number,
  sessionId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ends a session whoever owns it (logout: the token naming it was verified). */
export async function endSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of the user except `keep` (every one when `keep` is undefined). */
export async function endOtherSessions(
  db: Executor,
  userId: number,
  keep: string | undefined,
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(keep !== undefined, (qb) => qb.where('id', '!=', keep ?? ''))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The user's sessions, newest first. */
export async function listSessions(db: Executor, userId: number): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_used_at', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    created: fromDbTime(row.created_at).toISOString(),
    last_used: fromDbTime(row.last_used_at).toISOString(),
    user_agent: row.user_agent,
  }));
}
