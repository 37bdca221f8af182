// People (API.md §9): the inputs of GET /api/users, /api/users/<x> and
// /api/users/<x>/posts. The Profile shape lives in contract/index.ts next to User.
import { Type, type Static } from 'typebox';
import { BoundedText, PageLimit, QueryInteger, STORABLE_TEXT_PATTERN } from './inputs';
import { LIMITS, MAX_ID } from './limits';

/** GET /api/users: at most this many characters of search text. */
export const USER_SEARCH_MAX = LIMITS.userSearch;

export const UserSearchQuery = Type.Object({
  search: Type.String({
    minLength: 1,
    maxLength: USER_SEARCH_MAX,
    pattern: STORABLE_TEXT_PATTERN,
    description: `The start of a username, first name or last name, ignoring case (1-${USER_SEARCH_MAX} characters).`,
    errorMessage: `must be 1 to ${USER_SEARCH_MAX} characters: the start of a username or name.`,
  }),
  limit: Type.Optional(PageLimit('users')),
});

/** A username, or an id when the segment is all digits (new usernames start with a letter). */
export const UserRefParams = Type.Object({
  user: BoundedText({
    max: LIMITS.username,
    minLength: 1,
    description: 'A username, or a user id when all digits.',
  }),
});

/**
 * A page of posts, newest first: `limit`, and `before`, the id of the last post the
 * client has. The feed (contract/index.ts) and a user's posts say what `before` means.
 */
export const PostPageQuery = (before: { description: string; errorMessage: string }) =>
  Type.Object({
    limit: Type.Optional(PageLimit('posts')),
    before: Type.Optional(QueryInteger({ min: 1, max: MAX_ID, ...before })),
  });

export const UserPostsQuery = PostPageQuery({
  description: "The id of the last post you have of this user's: returns the ones after it.",
  errorMessage: 'must be the id of a post (a positive integer in plain digits).',
});

export type UserSearchQuery = Static<typeof UserSearchQuery>;
