// Posts and the rules that guard them (API.md §1 "network", "visible"). Every query
// function takes the executor first, so a transaction is just another argument.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Comment, Like, Post, BookmarkedPost } from '../../../contract';
import { toDbTime } from '../../db/portable';
import type { Database, PostRow } from '../../db/schema';
import { toComment, toPost, toUser, USER_COLUMNS, type UserFields } from './posts.mapper';

export type Executor = Kysely<Database>;

/** Ids of the users `viewerId` follows: with the viewer, their network (API.md §1). */
export function followedBy(db: Executor, viewerId: number) {
  return db
    .selectFrom('following')
    .select('following.following_id')
    .where('following.user_id', '=', viewerId);
}

/**
 * Ids of the viewer's network: everyone they follow, plus themself (API.md §1).
 * One `IN (... UNION ALL ...)` rather than `user_id = ? OR user_id IN (...)`: with the
 * OR, PostgreSQL walks the whole posts-by-date index on a large database (1.2 s per
 * feed at 1M posts); with the union it uses ix_posts_user_id_pub_date (9 ms).
 */
export function networkOf(db: Executor, viewerId: number) {
  return followedBy(db, viewerId).unionAll(
    db.selectNoFrom(sql<number>`cast(${viewerId} as integer)`.as('following_id')),
  );
}

/** The post's author is in the viewer's network. */
function authorInNetwork(db: Executor, viewerId: number) {
  return (eb: ExpressionBuilder<Database, 'posts'>) =>
    eb('posts.user_id', 'in', networkOf(db, viewerId));
}

/** The post if the viewer may see it; hidden and absent are the same undefined (API.md §4). */
export function findVisiblePost(
  db: Executor,
  viewerId: number,
  postId: number,
): Promise<PostRow | undefined> {
  return db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.id', '=', postId)
    .where(authorInNetwork(db, viewerId))
    .executeTakeFirst();
}

/** The feed: visible posts, newest first, strictly after `cursor` in that order when given. */
export function listFeed(
  db: Executor,
  viewerId: number,
  limit: number,
  cursor?: Pick<PostRow, 'id' | 'pub_date'>,
): Promise<PostRow[]> {
  let query = db.selectFrom('posts').selectAll('posts').where(authorInNetwork(db, viewerId));
  if (cursor) {
    query = query.where((eb) =>
      eb(eb.refTuple('posts.pub_date', 'posts.id'), '<', eb.tuple(cursor.pub_date, cursor.id)),
    );
  }
  return query.orderBy('posts.pub_date', 'desc').orderBy('posts.id', 'desc').limit(limit).execute();
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
export async function deleteOwnPost(
  db: Executor,
  ownerId: number,
  postId: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('posts')
    .where('id', '=', postId)
    .where('user_id', '=', ownerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function findUsersByIds(db: Executor, ids: number[]): Promise<UserFields[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(USER_COLUMNS).where('id', 'in', ids).execute();
}

/**
 * Posts with their author, likes, comments (with authors) and the viewer's like and
 * bookmark ids, in a fixed number of batched statements whatever the number of posts
 * (likes, comments and bookmarks first, then every user they name at once).
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
    db
      .selectFrom('likes_posts')
      .select(['id', 'user_id', 'post_id'])
      .where('post_id', 'in', postIds)
      .orderBy('id')
      .execute(),
    options.comments
      ? db
          .selectFrom('comments')
          .selectAll()
          .where('post_id', 'in', postIds)
          .orderBy('pub_date')
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('bookmarks')
      .select(['id', 'post_id'])
      .where('user_id', '=', viewerId)
      .where('post_id', 'in', postIds)
      .execute(),
  ]);
  const userIds = new Set([
    ...rows.map((row) => row.user_id),
    ...comments.map((comment) => comment.user_id),
  ]);
  const users = new Map(
    (await findUsersByIds(db, [...userIds])).map((user) => [user.id, toUser(user)]),
  );

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
