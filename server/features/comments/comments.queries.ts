// comments rows (API.md §2). Commenting requires a visible post (checked by the caller).
import { toDbTime } from '../../db/portable';
import type { CommentRow } from '../../db/schema';
import type { Executor } from '../posts/posts.queries';

export function insertComment(
  db: Executor,
  userId: number,
  postId: number,
  text: string,
): Promise<CommentRow> {
  return db
    .insertInto('comments')
    .values({ user_id: userId, post_id: postId, text, pub_date: toDbTime(new Date()) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes a comment the user wrote; false when absent or someone else's. */
export async function deleteOwnComment(
  db: Executor,
  userId: number,
  commentId: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('comments')
    .where('id', '=', commentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
