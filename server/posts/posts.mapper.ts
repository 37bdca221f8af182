// Post and comment rows -> the wire shapes of API.md §3. Pure functions: no
// database access here.
import type { BookmarkedPost, Comment, Like, Post, User } from '../../contract';
import { fromDbTime } from '../db/portable';
import type { CommentRow, PostRow } from '../db/schema';
import { displayTime } from './display-time';

export function toComment(row: CommentRow, author: User, now: Date): Comment {
  return {
    id: row.id,
    text: row.text,
    post_id: row.post_id,
    display_time: displayTime(fromDbTime(row.pub_date), now),
    user: author,
  };
}

export interface PostDetails {
  author: User;
  likes: Like[];
  /** Undefined inside a Bookmark, where the post has no `comments` key (API.md §3). */
  comments?: Comment[];
  viewerLikeId?: number;
  viewerBookmarkId?: number;
}

export function toPost(
  row: PostRow,
  details: PostDetails & { comments: Comment[] },
  now: Date,
): Post;
export function toPost(row: PostRow, details: PostDetails, now: Date): BookmarkedPost;
export function toPost(row: PostRow, details: PostDetails, now: Date): Post | BookmarkedPost {
  const post: BookmarkedPost = {
    id: row.id,
    image_url: row.image_url,
    user: details.author,
    caption: row.caption ?? null,
    alt_text: row.alt_text ?? null,
    display_time: displayTime(fromDbTime(row.pub_date), now),
    likes: details.likes,
  };
  // API.md §3: these keys exist only when set; absent, not null.
  if (details.viewerLikeId !== undefined) post.current_user_like_id = details.viewerLikeId;
  if (details.viewerBookmarkId !== undefined)
    post.current_user_bookmark_id = details.viewerBookmarkId;
  return details.comments === undefined ? post : { ...post, comments: details.comments };
}
