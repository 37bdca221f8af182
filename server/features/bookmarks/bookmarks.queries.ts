// bookmarks rows (API.md §2). Bookmarking requires a visible post (checked by the caller).
import type { Bookmark } from '../../../contract';
import { compiledQuery } from '../../db/compiled-query';
import { deleteOwnedRow } from '../../db/delete-owned';
import type { Executor } from '../../db/executor';
import { toDbTime } from '../../db/portable';
import type { PostRow } from '../../db/schema';
import { assemblePosts } from '../../posts/assemble-posts';
import { withLikes, type PostWithDetails } from '../../posts/post-details';
import { AUTHOR_COLUMNS } from '../../users/users.mapper';

export function insertBookmark(db: Executor, userId: number, postId: number) {
  return db
    .insertInto('bookmarks')
    .values({ user_id: userId, post_id: postId, timestamp: toDbTime(new Date()) })
    .returning(['id', 'post_id'])
    .executeTakeFirstOrThrow();
}

export function deleteOwnBookmark(db: Executor, userId: number, bookmarkId: number) {
  return deleteOwnedRow(db, 'bookmarks', userId, bookmarkId);
}

const ownBookmarksQuery = compiledQuery((db, values: { userId: number }) =>
  db
    .selectFrom('posts')
    .$call(withLikes(db))
    .innerJoin('bookmarks', 'bookmarks.post_id', 'posts.id')
    .leftJoin('users as author', 'author.id', 'posts.user_id')
    .select(['bookmarks.id as bookmark_id'])
    .selectAll('posts')
    .select(AUTHOR_COLUMNS)
    .where('bookmarks.user_id', '=', values.userId)
    .orderBy('bookmarks.id'),
);

/** The user's bookmarks, oldest first, each with its post (without comments, API.md §3). */
export async function listOwnBookmarks(db: Executor, userId: number): Promise<Bookmark[]> {
  const rows = await ownBookmarksQuery.execute(db, { userId });
  return toBookmarks(db, userId, rows);
}

/** Pairs bookmark ids with their assembled posts (a fixed number of statements). */
export async function toBookmarks(
  db: Executor,
  userId: number,
  rows: Array<(PostRow | Omit<PostWithDetails, 'viewer_bookmark_id'>) & { bookmark_id: number }>,
): Promise<Bookmark[]> {
  // The user's bookmark of each post is this one: there is one per user and post.
  const withDetails = rows.map((row) => ({ ...row, viewer_bookmark_id: row.bookmark_id }));
  const posts = new Map(
    (await assemblePosts(db, userId, withDetails, { comments: false })).map((post) => [
      post.id,
      post,
    ]),
  );
  return rows.flatMap((row) => {
    const post = posts.get(row.id);
    return post ? [{ id: row.bookmark_id, post }] : [];
  });
}
