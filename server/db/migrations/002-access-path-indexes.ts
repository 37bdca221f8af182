// An index for every access path the API uses. The unique constraints already
// cover following(user_id, ...), likes_posts(user_id, ...) and bookmarks(user_id, ...).
import type { Kysely, Migration } from 'kysely';

const indexes: Array<[name: string, table: string, columns: string[]]> = [
  ['ix_following_following_id', 'following', ['following_id', 'user_id']],
  ['ix_posts_user_id_pub_date', 'posts', ['user_id', 'pub_date']],
  ['ix_posts_pub_date', 'posts', ['pub_date']],
  ['ix_comments_post_id', 'comments', ['post_id', 'pub_date']],
  ['ix_comments_user_id', 'comments', ['user_id']],
  ['ix_likes_posts_post_id', 'likes_posts', ['post_id']],
  ['ix_likes_comments_comment_id', 'likes_comments', ['comment_id']],
  ['ix_bookmarks_post_id', 'bookmarks', ['post_id']],
  ['ix_stories_user_id_pub_date', 'stories', ['user_id', 'pub_date']],
];

export const accessPathIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    for (const [name, table, columns] of indexes) {
      await db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
    }
  },
};
