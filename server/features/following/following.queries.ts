// following rows (API.md §2): user_id follows following_id.
import type { Following } from '../../../contract';
import { deleteOwnedRow } from '../../db/delete-owned';
import type { Executor } from '../../db/executor';
import { listFollowRows } from '../../db/follow-rows';
import { withUsers } from '../../users/users.queries';

export function insertFollowing(db: Executor, followerId: number, followedId: number) {
  return db
    .insertInto('following')
    .values({ user_id: followerId, following_id: followedId })
    .returning(['id', 'following_id'])
    .executeTakeFirstOrThrow();
}

export function deleteOwnFollowing(db: Executor, followerId: number, followingRowId: number) {
  return deleteOwnedRow(db, 'following', followerId, followingRowId);
}

/** Following rows paired with the followed users: two statements whatever the count. */
export function toFollowings(
  db: Executor,
  rows: Array<{ id: number; following_id: number }>,
): Promise<Following[]> {
  return withUsers(
    db,
    rows,
    (row) => row.following_id,
    (row, following) => ({ id: row.id, following }),
  );
}

/** Everyone the user follows, in the order they were followed. */
export async function listFollowing(db: Executor, followerId: number): Promise<Following[]> {
  return toFollowings(db, await listFollowRows(db, 'user_id', followerId));
}
