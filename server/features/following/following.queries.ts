// following rows (API.md §2): user_id follows following_id.
import type { Following } from '../../../contract';
import { toUser } from '../posts/posts.mapper';
import { findUsersByIds, type Executor } from '../posts/posts.queries';

export function findUserById(db: Executor, userId: number) {
  return db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
}

export function findOwnFollowing(db: Executor, followerId: number, followedId: number) {
  return db
    .selectFrom('following')
    .select('id')
    .where('user_id', '=', followerId)
    .where('following_id', '=', followedId)
    .executeTakeFirst();
}

export function insertFollowing(db: Executor, followerId: number, followedId: number) {
  return db
    .insertInto('following')
    .values({ user_id: followerId, following_id: followedId })
    .returning(['id', 'following_id'])
    .executeTakeFirstOrThrow();
}

export async function deleteOwnFollowing(
  db: Executor,
  followerId: number,
  followingRowId: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('following')
    .where('id', '=', followingRowId)
    .where('user_id', '=', followerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Following rows paired with the followed users: two statements whatever the count. */
export async function toFollowings(
  db: Executor,
  rows: Array<{ id: number; following_id: number }>,
): Promise<Following[]> {
  const users = new Map(
    (await findUsersByIds(db, [...new Set(rows.map((row) => row.following_id))])).map((u) => [
      u.id,
      u,
    ]),
  );
  return rows.flatMap((row) => {
    const user = users.get(row.following_id);
    return user ? [{ id: row.id, following: toUser(user) }] : [];
  });
}

/** Everyone the user follows, in the order they were followed. */
export async function listFollowing(db: Executor, followerId: number): Promise<Following[]> {
  const rows = await db
    .selectFrom('following')
    .select(['id', 'following_id'])
    .where('user_id', '=', followerId)
    .orderBy('id')
    .execute();
  return toFollowings(db, rows);
}
