// Post rows -> full wire posts (API.md §3), shared by the feed, a single post and
// the bookmarks, in a fixed number of batched statements whatever the number of posts.
import type { BookmarkedPost, Comment, Like, Post } from '../../contract';
import { compiledQuery } from '../db/compiled-query';
import type { Executor } from '../db/executor';
import type { PostRow } from '../db/schema';
import { AUTHOR_COLUMNS, toAuthor } from '../users/users.mapper';
import { withPostDetails, type PostWithDetails } from './post-details';
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
    .leftJoin('users as author', 'author.id', 'comments.user_id')
    .selectAll('comments')
    .select(AUTHOR_COLUMNS)
    .where('comments.post_id', 'in', values.postIds)
    .orderBy('comments.pub_date')
    .orderBy('comments.id'),
);
/** For rows selected without their details (a post just written or edited). */
const postDetailsQuery = compiledQuery((db, values: { viewerId: number; postIds: number[] }) =>
  db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.id', 'in', values.postIds)
    .$call(withPostDetails(values.viewerId)),
);

/**
 * Posts with their author, likes, comments (with authors) and the viewer's like and
 * bookmark ids. The author and the bookmark come with rows selected withPostDetails;
 * for other rows one more statement, next to the likes and comments, selects them.
 */
export async function assemblePosts(
  db: Executor,
  viewerId: number,
  rows: Array<PostRow | PostWithDetails>,
  options: { comments: true },
): Promise<Post[]>;
export async function assemblePosts(
  db: Executor,
  viewerId: number,
  rows: Array<PostRow | PostWithDetails>,
  options: { comments: false },
): Promise<BookmarkedPost[]>;
export async function assemblePosts(
  db: Executor,
  viewerId: number,
  rows: Array<PostRow | PostWithDetails>,
  options: { comments: boolean },
): Promise<Array<Post | BookmarkedPost>> {
  if (rows.length === 0) return [];
  const postIds = [...new Set(rows.map((row) => row.id))];
  const withoutDetails = [...new Set(rows.filter((row) => !hasDetails(row)).map((row) => row.id))];
  const [likes, comments, fetchedDetails] = await Promise.all([
    likesQuery.execute(db, { postIds }),
    options.comments ? commentsQuery.execute(db, { postIds }) : Promise.resolve([]),
    withoutDetails.length > 0
      ? postDetailsQuery.execute(db, { viewerId, postIds: withoutDetails })
      : Promise.resolve([]),
  ]);
  const detailsById = new Map(fetchedDetails.map((details) => [details.id, details]));

  const now = new Date();
  const likesByPost = groupBy<Like>(likes, (like) => like.post_id);
  const commentsByPost = new Map<number, Comment[]>();
  for (const comment of comments) {
    const author = toAuthor(comment);
    if (!author) continue; // deleted by another program
    const list = commentsByPost.get(comment.post_id) ?? [];
    list.push(toComment(comment, author, now));
    commentsByPost.set(comment.post_id, list);
  }

  return rows.flatMap((row) => {
    const details = hasDetails(row) ? row : detailsById.get(row.id);
    const author = details && toAuthor(details);
    if (!author) return []; // deleted by another program
    const postLikes = likesByPost.get(row.id) ?? [];
    return [
      toPost(
        row,
        {
          author,
          likes: postLikes,
          comments: options.comments ? (commentsByPost.get(row.id) ?? []) : undefined,
          viewerLikeId: postLikes.find((like) => like.user_id === viewerId)?.id,
          viewerBookmarkId: details.viewer_bookmark_id ?? undefined,
        },
        now,
      ),
    ];
  });
}

function hasDetails(row: PostRow | PostWithDetails): row is PostWithDetails {
  return 'author_id' in row;
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
