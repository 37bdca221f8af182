// likes_posts rows (API.md §2). Liking requires a visible post (checked by the caller).
import type { Like } from '../../../contract';
import { toDbTime } from '../../db/portable';
import type { Executor } from '../../db/executor';

export function insertLike(db: Executor, userId: number, postId: number): Promise<Like> {
  return db
    .insertInto('likes_posts')
    .values({ user_id: userId, post_id: postId, timestamp: toDbTime(new Date()) })
    .returning(['id', 'user_id', 'post_id'])
    .executeTakeFirstOrThrow();
}

/** Deletes the user's own like; with `postId`, only when it is a like of that post. */
export async function deleteOwnLike(
  db: Executor,
  userId: number,
  likeId: number,
  postId?: number,
): Promise<boolean> {
  let query = db.deleteFrom('likes_posts').where('id', '=', likeId).where('user_id', '=', userId);
  if (postId !== undefined) query = query.where('post_id', '=', postId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
