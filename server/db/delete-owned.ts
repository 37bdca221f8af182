// "Delete only your own": one statement that names the owner, so a row that is
// absent and a row that belongs to someone else are the same false (API.md §4: 404).
import type { Executor } from './executor';

/** The tables whose rows belong to the user in `user_id`. */
export type OwnedTable = 'posts' | 'comments' | 'likes_posts' | 'bookmarks' | 'following';

export async function deleteOwnedRow(
  db: Executor,
  table: OwnedTable,
  ownerId: number,
  rowId: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom(table)
    .where('id', '=', rowId)
    .where('user_id', '=', ownerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
