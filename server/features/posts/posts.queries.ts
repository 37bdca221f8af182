// The feed and the owner's writes (API.md §4). Visibility and assembly, which
// likes, comments and bookmarks share, live in server/posts/. Every query function
// takes the executor first, so a transaction is just another argument.
import { compiledQuery } from '../../db/compiled-query';
import { deleteOwnedRow } from '../../db/delete-owned';
import type { Executor } from '../../db/executor';
import { literalLimit, toDbTime } from '../../db/portable';
import type { PostRow } from '../../db/schema';
import { withPostDetails, type PostWithDetails } from '../../posts/post-details';
import { authorInNetwork } from '../../posts/visible-posts';

type FeedValues = {
  viewerId: number;
  limit: number;
  cursorDate: string | undefined;
  cursorId: number | undefined;
};

/** The ids of a page of the feed, newest first. */
function feedPageIds(db: Executor, values: FeedValues) {
  return db
    .selectFrom('posts')
    .select('posts.id')
    .where(authorInNetwork(db, values.viewerId))
    .$if(values.cursorDate !== undefined && values.cursorId !== undefined, (query) =>
      query.where((eb) =>
        eb(
          eb.refTuple('posts.pub_date', 'posts.id'),
          '<',
          eb.tuple(values.cursorDate ?? '', values.cursorId ?? 0),
        ),
      ),
    )
    .orderBy('posts.pub_date', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(literalLimit(values.limit));
}

// The page is chosen first, in a subquery, so that only its posts are joined with
// their details: joined in the same query, every visible post of the network would
// be, before the sort picks the page.
const feedQuery = compiledQuery(
  (db, values: FeedValues) =>
    db
      .selectFrom('posts')
      .selectAll('posts')
      .where('posts.id', 'in', feedPageIds(db, values))
      .orderBy('posts.pub_date', 'desc')
      .orderBy('posts.id', 'desc')
      .$call(withPostDetails(db, values.viewerId)),
  { inline: ['limit'] },
);

/**
 * The feed: visible posts, newest first, strictly after `cursor` in that order when
 * given, each with its details for assembly.
 */
export function listFeed(
  db: Executor,
  viewerId: number,
  limit: number,
  cursor?: Pick<PostRow, 'id' | 'pub_date'>,
): Promise<PostWithDetails[]> {
  return feedQuery.execute(db, {
    viewerId,
    limit,
    cursorDate: cursor?.pub_date,
    cursorId: cursor?.id,
  });
}

export function insertPost(
  db: Executor,
  authorId: number,
  fields: { image_url: string; caption?: string | null; alt_text?: string | null },
): Promise<PostRow> {
  return db
    .insertInto('posts')
    .values({
      image_url: fields.image_url,
      caption: fields.caption ?? null,
      alt_text: fields.alt_text ?? null,
      pub_date: toDbTime(new Date()),
      user_id: authorId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const EDITABLE_POST_FIELDS = ['image_url', 'caption', 'alt_text'] as const;

/** Changes only the fields given, on a post the owner wrote; undefined when not theirs or absent. */
export async function updateOwnPost(
  db: Executor,
  ownerId: number,
  postId: number,
  changes: { image_url?: string; caption?: string | null; alt_text?: string | null },
): Promise<PostRow | undefined> {
  // Only the editable columns: bodies are not stripped of unknown keys, which are ignored.
  const set = Object.fromEntries(
    EDITABLE_POST_FIELDS.filter((field) => changes[field] !== undefined).map((field) => [
      field,
      changes[field],
    ]),
  );
  if (Object.keys(set).length === 0) {
    return db
      .selectFrom('posts')
      .selectAll()
      .where('id', '=', postId)
      .where('user_id', '=', ownerId)
      .executeTakeFirst();
  }
  return db
    .updateTable('posts')
    .set(set)
    .where('id', '=', postId)
    .where('user_id', '=', ownerId)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes an owned post; the foreign keys cascade to its comments, likes and bookmarks (API.md §2). */
export function deleteOwnPost(db: Executor, ownerId: number, postId: number): Promise<boolean> {
  return deleteOwnedRow(db, 'posts', ownerId, postId);
}
