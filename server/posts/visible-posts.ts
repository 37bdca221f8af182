// API.md §1 "visible": a post can be seen by its author and by the users who follow
// its author. Likes, comments and bookmarks all require a visible post.
import type { ExpressionBuilder } from 'kysely';
import { compiledQuery } from '../db/compiled-query';
import type { Executor } from '../db/executor';
import type { Database, PostRow } from '../db/schema';
import { networkOf } from '../users/network';
import { withPostDetails, type PostWithDetails } from './post-details';

/** The post's author is in the viewer's network. */
export function authorInNetwork(db: Executor, viewerId: number) {
  return (eb: ExpressionBuilder<Database, 'posts'>) =>
    eb('posts.user_id', 'in', networkOf(db, viewerId));
}

const visiblePostQuery = compiledQuery((db, values: { viewerId: number; postId: number }) =>
  db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.id', '=', values.postId)
    .where(authorInNetwork(db, values.viewerId)),
);

const visiblePostWithDetailsQuery = compiledQuery(
  (db, values: { viewerId: number; postId: number }) =>
    db
      .selectFrom('posts')
      .selectAll('posts')
      .where('posts.id', '=', values.postId)
      .where(authorInNetwork(db, values.viewerId))
      .$call(withPostDetails(db, values.viewerId)),
);

/** The post if the viewer may see it; hidden and absent are the same undefined (API.md §4). */
export function findVisiblePost(
  db: Executor,
  viewerId: number,
  postId: number,
): Promise<PostRow | undefined> {
  return visiblePostQuery.executeTakeFirst(db, { viewerId, postId });
}

/** findVisiblePost with the post's details, so that showing it takes no further statement. */
export function findVisiblePostWithDetails(
  db: Executor,
  viewerId: number,
  postId: number,
): Promise<PostWithDetails | undefined> {
  return visiblePostWithDetailsQuery.executeTakeFirst(db, { viewerId, postId });
}
