// What assembly needs of a post beyond its row (its author, the viewer's bookmark),
// joined into the statement that selects the posts: no lookup of its own per request.
import type { SelectQueryBuilder } from 'kysely';
import type { Database, PostRow } from '../db/schema';
import { AUTHOR_COLUMNS, type JoinedAuthorFields } from '../users/users.mapper';

/** A post row with its author's columns (null when the author row is gone) and the viewer's bookmark id. */
export type PostWithDetails = PostRow & JoinedAuthorFields & { viewer_bookmark_id: number | null };

/**
 * Left joins, so that a post is selected exactly as without them: at most one author
 * (a primary key) and one bookmark of the viewer (unique per user and post).
 */
export function withPostDetails(viewerId: number) {
  return <O>(query: SelectQueryBuilder<Database, 'posts', O>) =>
    query
      .leftJoin('users as author', 'author.id', 'posts.user_id')
      .leftJoin('bookmarks as viewer_bookmark', (join) =>
        join
          .onRef('viewer_bookmark.post_id', '=', 'posts.id')
          .on('viewer_bookmark.user_id', '=', viewerId),
      )
      .select([...AUTHOR_COLUMNS, 'viewer_bookmark.id as viewer_bookmark_id']);
}
