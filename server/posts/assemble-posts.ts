// Post rows -> full wire posts (API.md §3), shared by the feed, a single post and
// the bookmarks and a user's posts: no statement of its own for rows selected with
// their details (post-details.ts), one for rows without.
import type { BookmarkedPost, Comment, Like, Post } from '../../contract';
import { compiledQuery } from '../db/compiled-query';
import type { Executor } from '../db/executor';
import { fromDbJson } from '../db/portable';
import type { PostRow } from '../db/schema';
import { toAuthor } from '../users/users.mapper';
import { withPostDetails, type CommentTuple, type PostWithDetails } from './post-details';
import { toComment, toPost } from './posts.mapper';

/** For rows selected without their details (a post just written or edited). */
const postDetailsQuery = compiledQuery((db, values: { viewerId: number; postIds: number[] }) =>
  db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.id', 'in', values.postIds)
    .$call(withPostDetails(db, values.viewerId)),
);

/**
 * Posts with their author, likes, comments (with authors) and the viewer's like and
 * bookmark ids. Rows selected with their details (withPostDetails, or withLikes for
 * a bookmark's post) take no statement; others take one, for all of them.
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
  const withoutDetails = [...new Set(rows.filter((row) => !hasDetails(row)).map((row) => row.id))];
  const fetched =
    withoutDetails.length > 0
      ? await postDetailsQuery.execute(db, { viewerId, postIds: withoutDetails })
      : [];
  const detailsById = new Map(fetched.map((details) => [details.id, details]));

  const now = new Date();
  return rows.flatMap((row) => {
    const details = hasDetails(row) ? row : detailsById.get(row.id);
    const author = details && toAuthor(details);
    if (!author) return []; // deleted by another program
    const likes = fromDbJson(details.likes).map(([id, userId]): Like => ({
      id,
      user_id: userId,
      post_id: row.id,
    }));
    const comments =
      options.comments && details.comments !== undefined
        ? toComments(fromDbJson(details.comments), row.id, now)
        : undefined;
    if (options.comments && comments === undefined) {
      throw new Error(`Post ${row.id} was selected without its comments.`);
    }
    return [
      toPost(
        row,
        {
          author,
          likes,
          comments,
          viewerLikeId: likes.find((like) => like.user_id === viewerId)?.id,
          viewerBookmarkId: details.viewer_bookmark_id ?? undefined,
        },
        now,
      ),
    ];
  });
}

function toComments(tuples: CommentTuple[], postId: number, now: Date): Comment[] {
  const comments: Comment[] = [];
  for (const [
    id,
    text,
    pubDate,
    authorId,
    firstName,
    lastName,
    username,
    email,
    image,
    thumb,
  ] of tuples) {
    const author = toAuthor({
      author_id: authorId,
      author_first_name: firstName,
      author_last_name: lastName,
      author_username: username,
      author_email: email,
      author_image_url: image,
      author_thumb_url: thumb,
    });
    if (!author) continue; // deleted by another program
    comments.push(
      toComment({ id, text, pub_date: pubDate, post_id: postId, user_id: author.id }, author, now),
    );
  }
  return comments;
}

function hasDetails(row: PostRow | PostWithDetails): row is PostWithDetails {
  return 'likes' in row;
}
