// The wire format of API.md §3-4 as TypeBox schemas: the single source for request
// validation, handler types, response serialization (a whitelist: what is not
// declared here cannot leave the server), the OpenAPI document and the client's types.
import { Type, type Static } from 'typebox';
import { BodyId, BoundedText, ImageUrl } from './inputs';
import { LIMITS } from './limits';
import { PostPageQuery } from './users';

export { LIMITS, MAX_ID, PAGE_LIMIT, SUGGESTIONS_MAX } from './limits';
export {
  EMAIL_PATTERN,
  NewAccount,
  PERSON_NAME_PATTERN,
  ProfileChanges,
  USERNAME_PATTERN,
} from './accounts';
export { USER_SEARCH_MAX, UserPostsQuery, UserRefParams, UserSearchQuery } from './users';
export { PasswordChange, RefreshedTokens, SessionInfo, SessionParams } from './sessions';
export { BodyId, BoundedText, IdParams, ImageUrl, PathId, QueryInteger, rowIdOf } from './inputs';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(
  schema: T,
  options: { description?: string } = {},
) => Type.Union([schema, Type.Null()], options);

// ---- resources ----
export const User = Type.Object(
  {
    id: Type.Integer(),
    first_name: Type.String(),
    last_name: Type.String(),
    username: Type.String(),
    email: Type.String(),
    image_url: Nullable(Type.String()),
    thumb_url: Nullable(Type.String()),
  },
  { title: 'User', description: 'A user (never with a password hash).' },
);

export const Like = Type.Object(
  { id: Type.Integer(), user_id: Type.Integer(), post_id: Type.Integer() },
  { title: 'Like' },
);

export const DisplayTime = Type.String({
  description: '"Just now", "1 hour ago", "N hours ago", "1 day ago" or "N days ago".',
  examples: ['3 hours ago'],
});

export const Comment = Type.Object(
  {
    id: Type.Integer(),
    text: Type.String(),
    post_id: Type.Integer(),
    display_time: DisplayTime,
    user: User,
  },
  { title: 'Comment' },
);

const postFields = {
  id: Type.Integer(),
  image_url: Type.String(),
  user: User,
  caption: Nullable(Type.String()),
  alt_text: Nullable(Type.String()),
  display_time: DisplayTime,
  likes: Type.Array(Like),
  current_user_like_id: Type.Optional(
    Type.Integer({ description: 'Present only when the current user has liked the post.' }),
  ),
  current_user_bookmark_id: Type.Optional(
    Type.Integer({ description: 'Present only when the current user has bookmarked the post.' }),
  ),
};

export const Post = Type.Object(
  { ...postFields, comments: Type.Array(Comment, { description: 'Oldest first.' }) },
  { title: 'Post' },
);

/** Inside a Bookmark the post has no `comments` key (API.md §3). */
export const BookmarkedPost = Type.Object(postFields, { title: 'BookmarkedPost' });

export const Bookmark = Type.Object(
  { id: Type.Integer(), post: BookmarkedPost },
  { title: 'Bookmark' },
);

export const Following = Type.Object(
  {
    id: Type.Integer({ description: 'Id of the following row (use it to unfollow).' }),
    following: User,
  },
  { title: 'Following' },
);

export const Follower = Type.Object({ id: Type.Integer(), follower: User }, { title: 'Follower' });

export const Story = Type.Object(
  { id: Type.Integer(), text: Type.String(), user: User },
  { title: 'Story' },
);

/** A user as seen from another's page (API.md §9). */
export const Profile = Type.Object(
  {
    ...User.properties,
    posts_count: Type.Integer(),
    followers_count: Type.Integer(),
    following_count: Type.Integer(),
    following_id: Type.Optional(
      Type.Integer({
        description:
          "Id of the current user's following row for this user, present only when they follow them (unfollow with it).",
      }),
    ),
  },
  { title: 'Profile' },
);

export const Message = Type.Object({ message: Type.String() }, { title: 'Message' });

export const TokenPair = Type.Object(
  { access_token: Type.String(), refresh_token: Type.String() },
  { title: 'TokenPair' },
);

/** POST /api/media (API.md §9): paths on this server, for a post's or a profile's image. */
export const UploadedMedia = Type.Object(
  {
    image_url: Type.String({ examples: ['/media/u/3q2-7wXcVxQ0aZ1bB9kLmA.webp'] }),
    thumb_url: Type.String({ examples: ['/media/u/3q2-7wXcVxQ0aZ1bB9kLmA-thumb.webp'] }),
    width: Type.Integer({ description: 'Of the stored image (longest side at most 2048).' }),
    height: Type.Integer(),
  },
  { title: 'UploadedMedia' },
);

// ---- inputs (built from contract/inputs.ts: the grammar of API.md §4 lives there) ----
export const FeedQuery = PostPageQuery({
  description:
    'Cursor for infinite scrolling: the id of the last post you have; returns the posts after it in feed order.',
  errorMessage: 'must be the id of a post (a positive integer).',
});

const postImageUrl = ImageUrl({ max: LIMITS.imageUrl });
const caption = Nullable(BoundedText({ max: LIMITS.caption }), {
  description: `The text under the photo, at most ${LIMITS.caption} characters; null for none.`,
});
const altText = Nullable(BoundedText({ max: LIMITS.altText }), {
  description: `What the photo shows, for people who cannot see it (screen readers read it out), at most ${LIMITS.altText} characters; null for none.`,
});

export const NewPost = Type.Object(
  {
    image_url: postImageUrl,
    caption: Type.Optional(caption),
    alt_text: Type.Optional(altText),
  },
  {
    examples: [
      {
        image_url: 'https://picsum.photos/600/430?id=42',
        caption: 'Sunset at the lake',
        alt_text: 'An orange sky over calm water',
      },
    ],
  },
);

export const PostChanges = Type.Object(
  {
    image_url: Type.Optional(postImageUrl),
    caption: Type.Optional(caption),
    alt_text: Type.Optional(altText),
  },
  { examples: [{ caption: 'A better caption' }] },
);

export const NewComment = Type.Object(
  {
    post_id: BodyId('post'),
    text: BoundedText({
      max: LIMITS.commentText,
      minLength: 1,
      description: `The comment, 1-${LIMITS.commentText} characters.`,
    }),
  },
  { examples: [{ post_id: 2, text: 'What a view!' }] },
);

export const PostIdBody = Type.Object({ post_id: BodyId('post') }, { examples: [{ post_id: 2 }] });
export const UserIdBody = Type.Object({ user_id: BodyId('user') }, { examples: [{ user_id: 3 }] });

export const TokenRequest = Type.Object({
  username: BoundedText({ max: LIMITS.username, description: 'Your username.' }),
  password: BoundedText({ max: LIMITS.password, description: 'Your password.' }),
});

export const RefreshRequest = Type.Object({
  refresh_token: Type.Optional(
    BoundedText({
      max: LIMITS.token,
      description:
        'The refresh_token POST /api/token answered; it stays valid until its session ends. A browser leaves it out and sends its refresh cookie with the X-CSRF-TOKEN header.',
    }),
  ),
});

// ---- static types (the client imports these with `import type`) ----
export type User = Static<typeof User>;
export type Like = Static<typeof Like>;
export type Comment = Static<typeof Comment>;
export type Post = Static<typeof Post>;
export type BookmarkedPost = Static<typeof BookmarkedPost>;
export type Bookmark = Static<typeof Bookmark>;
export type Following = Static<typeof Following>;
export type Follower = Static<typeof Follower>;
export type Story = Static<typeof Story>;
export type Profile = Static<typeof Profile>;
export type Message = Static<typeof Message>;
export type TokenPair = Static<typeof TokenPair>;
export type UploadedMedia = Static<typeof UploadedMedia>;
export type NewPost = Static<typeof NewPost>;
export type PostChanges = Static<typeof PostChanges>;
export type NewComment = Static<typeof NewComment>;
