// Row types of the course database (API.md §2). Table and column names are part of
// the contract: they stay snake_case exactly as the Flask app created them.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** UTC timestamp without time zone, always read and written as 'YYYY-MM-DD HH:MM:SS.ffffff' text (see portable.ts). */
export type Timestamp = string;
/** SQLite stores booleans as 0/1, PostgreSQL as booleans: compare with truthiness only. */
export type DbBoolean = ColumnType<
  boolean | number,
  boolean | number | undefined,
  boolean | number
>;

export interface UsersTable {
  id: Generated<number>;
  first_name: string;
  last_name: string;
  username: string;
  password_hash: string;
  /** Course compatibility only (API.md §2): the seed writes the public demo password, nothing else writes, nothing reads. */
  password_plaintext: string | null;
  email: string;
  image_url: string | null;
  thumb_url: string | null;
  date_created: Timestamp;
  is_verified: DbBoolean;
  is_disabled: DbBoolean;
}

export interface PostsTable {
  id: Generated<number>;
  image_url: string;
  caption: string | null;
  alt_text: string | null;
  pub_date: Timestamp;
  user_id: number;
}

export interface CommentsTable {
  id: Generated<number>;
  text: string;
  pub_date: Timestamp;
  user_id: number;
  post_id: number;
}

export interface LikesPostsTable {
  id: Generated<number>;
  user_id: number;
  post_id: number;
  timestamp: Timestamp;
}

export interface LikesCommentsTable {
  id: Generated<number>;
  user_id: number;
  comment_id: number;
  timestamp: Timestamp;
}

export interface BookmarksTable {
  id: Generated<number>;
  user_id: number;
  post_id: number;
  timestamp: Timestamp;
}

export interface FollowingTable {
  id: Generated<number>;
  /** The follower. */
  user_id: number;
  /** The one followed. */
  following_id: number;
}

export interface StoriesTable {
  id: Generated<number>;
  text: string;
  pub_date: Timestamp;
  user_id: number;
}

/** Our own table (never a course table): one row per login session (API.md §5). */
export interface SessionsTable {
  /** A uuid4, carried in the `sid` claim of the session's tokens. */
  id: string;
  user_id: number;
  created_at: Timestamp;
  /** The last login, refresh or page renewal of this session. */
  last_used_at: Timestamp;
  user_agent: string | null;
}

/** Our own table: the login limiter's counters when no Redis is shared (auth/counter-stores.ts). */
export interface LoginCountersTable {
  key: string;
  count: number;
  /** Unix seconds. */
  window_ends_at: number;
}

/** Our own table: uploaded images when MEDIA_STORAGE=database (API.md §9). */
export interface UploadedMediaTable {
  /** The unguessable file name served at /media/u/<name>. */
  name: string;
  user_id: number;
  content_type: string;
  bytes: Buffer;
  created_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  posts: PostsTable;
  comments: CommentsTable;
  likes_posts: LikesPostsTable;
  likes_comments: LikesCommentsTable;
  bookmarks: BookmarksTable;
  following: FollowingTable;
  stories: StoriesTable;
  sessions: SessionsTable;
  login_counters: LoginCountersTable;
  uploaded_media: UploadedMediaTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type PostRow = Selectable<PostsTable>;
export type CommentRow = Selectable<CommentsTable>;
export type StoryRow = Selectable<StoriesTable>;
