// What assembly needs of a post beyond its row (its author, the viewer's bookmark, its
// likes and comments), selected by the statement that selects the posts: a page of
// posts is one statement, with no lookup of its own per request. Likes and comments
// come as one JSON array per post (db/portable.ts jsonArrayOfRows): on PostgreSQL each
// further statement was a round trip and ≈ 200 µs of Node's CPU.
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/executor';
import { jsonArrayOfRows, storedTimeText, type StoredJson } from '../db/portable';
import type { Database, PostRow } from '../db/schema';
import { AUTHOR_COLUMNS, USER_COLUMNS, type JoinedAuthorFields } from '../users/users.mapper';

/** A like as its post's `likes` column holds it, in id order. */
export type LikeTuple = [id: number, userId: number];

/**
 * A comment as its post's `comments` column holds it, oldest first, with its author's
 * USER_COLUMNS in their order (null when the author row is gone).
 */
export type CommentTuple = [
  id: number,
  text: string,
  pubDate: string,
  authorId: number | null,
  firstName: string | null,
  lastName: string | null,
  username: string | null,
  email: string | null,
  imageUrl: string | null,
  thumbUrl: string | null,
];

/** A post's likes and, when asked for, its comments. */
export type PostEngagement = {
  likes: StoredJson<LikeTuple[]>;
  comments?: StoredJson<CommentTuple[]>;
};

/**
 * A post row with its author's columns (null when the author row is gone), the
 * viewer's bookmark id, its likes and (unless left out) its comments.
 */
export type PostWithDetails = PostRow &
  JoinedAuthorFields &
  PostEngagement & { viewer_bookmark_id: number | null };

/** The post's likes, as a JSON column. */
export function withLikes(db: Executor) {
  return <O>(query: SelectQueryBuilder<Database, 'posts', O>) =>
    query.select((eb) => likesOf(db, eb));
}

/** The post's comments with their authors, as a JSON column. */
export function withComments(db: Executor) {
  return <O>(query: SelectQueryBuilder<Database, 'posts', O>) =>
    query.select((eb) => commentsOf(db, eb));
}

// Scalar subqueries, never null: the aggregate gives [] for a post without rows.
function likesOf(db: Executor, eb: ExpressionBuilder<Database, 'posts'>) {
  return eb
    .selectFrom('likes_posts as like')
    .select((row) =>
      jsonArrayOfRows<LikeTuple>(
        db,
        [row.ref('like.id'), row.ref('like.user_id')],
        [row.ref('like.id')],
      ).as('rows'),
    )
    .whereRef('like.post_id', '=', 'posts.id')
    .$asScalar()
    .$notNull()
    .as('likes');
}

function commentsOf(db: Executor, eb: ExpressionBuilder<Database, 'posts'>) {
  return eb
    .selectFrom('comments as comment')
    .leftJoin('users as author', 'author.id', 'comment.user_id')
    .select((row) =>
      jsonArrayOfRows<CommentTuple>(
        db,
        [
          row.ref('comment.id'),
          row.ref('comment.text'),
          storedTimeText(db, row.ref('comment.pub_date')),
          ...USER_COLUMNS.map((column) => row.ref(`author.${column}`)),
        ],
        [row.ref('comment.pub_date'), row.ref('comment.id')],
      ).as('rows'),
    )
    .whereRef('comment.post_id', '=', 'posts.id')
    .$asScalar()
    .$notNull()
    .as('comments');
}

/**
 * The author, the viewer's bookmark, the likes and the comments. Left joins, so that
 * a post is selected exactly as without them: at most one author (a primary key) and
 * one bookmark of the viewer (unique per user and post).
 */
export function withPostDetails(db: Executor, viewerId: number) {
  return <O>(query: SelectQueryBuilder<Database, 'posts', O>) =>
    query
      .leftJoin('users as author', 'author.id', 'posts.user_id')
      .leftJoin('bookmarks as viewer_bookmark', (join) =>
        join
          .onRef('viewer_bookmark.post_id', '=', 'posts.id')
          .on('viewer_bookmark.user_id', '=', viewerId),
      )
      .select([...AUTHOR_COLUMNS, 'viewer_bookmark.id as viewer_bookmark_id'])
      .$call(withLikes(db))
      .$call(withComments(db));
}
