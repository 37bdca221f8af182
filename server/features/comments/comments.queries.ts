// comments rows (API.md §2). Commenting requires a visible post (checked by the caller).
import { deleteOwnedRow } from '../../db/delete-owned';
import type { Executor } from '../../db/executor';
import { toDbTime } from '../../db/portable';
import type { CommentRow } from '../../db/schema';

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
export function deleteOwnComment(db: Executor, userId: number, commentId: number) {
  return deleteOwnedRow(db, 'comments', userId, commentId);
}
