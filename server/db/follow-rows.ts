// The following table read from either side (API.md §2: user_id follows following_id):
// Get Following lists a user's rows by user_id, Get Followers by following_id.
import type { Executor } from './executor';

/** The following rows whose `side` is the user, in the order they were made. */
export function listFollowRows(db: Executor, side: 'user_id' | 'following_id', userId: number) {
  return db
    .selectFrom('following')
    .select(['id', 'user_id', 'following_id'])
    .where(side, '=', userId)
    .orderBy('id')
    .execute();
}
