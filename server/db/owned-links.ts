// A like, a bookmark or a follow is the user's one row that points at a post or a
// user (API.md §4: a second one is a 400). Looking it up first answers the common
// duplicate without a failed insert; the unique key still has the last word.
import { insertOnce } from './insert-once';
import type { Executor } from './executor';

/** Each table of one-per-user rows, with the column that names what the row points at. */
const TARGET_COLUMN = {
  likes_posts: 'post_id',
  bookmarks: 'post_id',
  following: 'following_id',
} as const;

/** The 400 for a second row, before the target's id: `You already like post 12.` */
const ALREADY = {
  likes_posts: 'You already like post',
  bookmarks: 'You already bookmarked post',
  following: 'You already follow user',
} as const;

export type OwnedLinkTable = keyof typeof TARGET_COLUMN;

/** The id of the user's row in `table` that points at `targetId`, if there is one. */
export function findOwnedLink(
  db: Executor,
  table: OwnedLinkTable,
  ownerId: number,
  targetId: number,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom(table)
    .select('id')
    .where('user_id', '=', ownerId)
    .where(TARGET_COLUMN[table], '=', targetId)
    .executeTakeFirst();
}

/**
 * Inserts the user's row in `table` that points at `target` (found by findTarget):
 * a 400 when the user has one already, a 404 when the target went meanwhile.
 */
export function insertOwnedLink<T>(
  db: Executor,
  table: OwnedLinkTable,
  ownerId: number,
  target: { id: number; missing: string },
  insert: () => Promise<T>,
): Promise<T> {
  return insertOnce({
    findExisting: () => findOwnedLink(db, table, ownerId, target.id),
    insert,
    duplicate: `${ALREADY[table]} ${target.id}.`,
    missing: target.missing,
  });
}
