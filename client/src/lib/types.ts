// Wire types straight from the contract (type-only import: no server code reaches the bundle).
import type { Static } from 'typebox';
import type {
  Bookmark as BookmarkSchema,
  Comment as CommentSchema,
  Follower as FollowerSchema,
  Following as FollowingSchema,
  Like as LikeSchema,
  Message as MessageSchema,
  Post as PostSchema,
  Story as StorySchema,
  User as UserSchema,
} from '../../../contract';

export type User = Static<typeof UserSchema>;
export type Post = Static<typeof PostSchema>;
export type Comment = Static<typeof CommentSchema>;
export type Like = Static<typeof LikeSchema>;
export type Bookmark = Static<typeof BookmarkSchema>;
export type Following = Static<typeof FollowingSchema>;
export type Follower = Static<typeof FollowerSchema>;
export type Story = Static<typeof StorySchema>;
export type Message = Static<typeof MessageSchema>;
