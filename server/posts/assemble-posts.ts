// Post rows -> full wire posts (API.md §3), shared by the feed, a single post and
// the bookmarks, in a fixed number of batched statements whatever the number of posts.
import type { BookmarkedPost, Comment, Like, Post } from '../../contract';
import { compiledQuery } from '../db/compiled-query';
import type { Executor } from '../db/executor';
import type { PostRow } from '../db/schema';
import { findUsersById } from '../users/users.queries';
import { toComment, toPost } from './posts.mapper';

// Compiled once per number of posts (db/compiled-query.ts).
const likesQuery = compiledQuery((db, values: { postIds: number[] }) =>
  db
    .selectFrom('likes_posts')
    .select(['id', 'user_id', 'post_id'])
    .where('post_id', 'in', values.postIds)
    .orderBy('id'),
);
const commentsQuery = compiledQuery((db, values: { postIds: number[] }) =>
  db
    .selectFrom('comments')
    .selectAll()
    .where('post_id', 'in', values.postIds)
    .orderBy('pub_date')
    .orderBy('id'),
);
const viewerBookmarksQuery = compiledQuery((db, values: { viewerId: number; postIds: number[] }) =>
  db
    .selectFrom('bookmarks')
    .select(['id', 'post_id'])
    .where('user_id', '=', values.viewerId)
    .where('post_id', 'in', values.postIds),
);

/**
 * Posts with their author, likes, comments (with authors) and the viewer's like and
 * bookmark ids: likes, comments and bookmarks first, then every user they name at once.
 */
export async function assemblePosts(
  db: Executor,
  viewerId: number,
  rows: PostRow[],
  options: { comments: true },
): Promise<Post[]>;
export async function assemblePosts(
  db: Executor,
  viewerId: number,
  rows: PostRow[],
  options: { comments: false },
): Promise<BookmarkedPost[]>;
export async function assemblePosts(
  db: Executor,
  viewerId: number,
  rows: PostRow[],
  options: { comments: boolean },
): Promise<Array<Post | BookmarkedPost>> {
  if (rows.length === 0) return [];
  const postIds = [...new Set(rows.map((row) => row.id))];
  const [likes, comments, bookmarks] = await Promise.all([
    likesQuery.execute(db, { postIds }),
    options.comments ? commentsQuery.execute(db, { postIds }) : Promise.resolve([]),
    viewerBookmarksQuery.execute(db, { viewerId, postIds }),
  ]);
  const users = await findUsersById(db, [
    ...rows.map((row) => row.user_id),
    ...comments.map((comment) => comment.user_id),
  ]);

  const now = new Date();
  const likesByPost = groupBy<Like>(likes, (like) => like.post_id);
  const commentsByPost = new Map<number, Comment[]>();
  for (const comment of comments) {
    const author = users.get(comment.user_id);
    if (!author) continue; // deleted by another program between the two statements
    const list = commentsByPost.get(comment.post_id) ?? [];
    list.push(toComment(comment, author, now));
    commentsByPost.set(comment.post_id, list);
  }
  const bookmarkByPost = new Map(bookmarks.map((bookmark) => [bookmark.post_id, bookmark.id]));

  return rows.flatMap((row) => {
    const author = users.get(row.user_id);
    if (!author) return [];
    const postLikes = likesByPost.get(row.id) ?? [];
    return [
      toPost(
        row,
        {
          author,
          likes: postLikes,
          comments: options.comments ? (commentsByPost.get(row.id) ?? []) : undefined,
          viewerLikeId: postLikes.find((like) => like.user_id === viewerId)?.id,
          viewerBookmarkId: bookmarkByPost.get(row.id),
        },
        now,
      ),
    ];
  });
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}
