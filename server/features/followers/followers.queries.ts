// following rows seen from the other side (API.md §2): who follows a user.
import type { Follower } from '../../../contract';
import type { Executor } from '../../db/executor';
import { listFollowRows } from '../../db/follow-rows';
import { withUsers } from '../../users/users.queries';

/** Following rows that point at the user, with their followers: two statements whatever the count. */
export async function listFollowers(db: Executor, userId: number): Promise<Follower[]> {
  const rows = await listFollowRows(db, 'following_id', userId);
  return withUsers(
    db,
    rows,
    (row) => row.user_id,
    (row, follower) => ({ id: row.id, follower }),
  );
}
