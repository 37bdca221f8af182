// The numbers of the contract (API.md §4) as plain values, with no imports at all, so
// the client may import them at run time (contract/index.ts builds its schemas from
// them; everything else in contract/ reaches the client as types only).

/** Maximum lengths of text fields; longer input is a 400, never cut silently. */
export const LIMITS = {
  imageUrl: 200, // posts.image_url is varchar(200)
  caption: 2200,
  altText: 1000,
  commentText: 2200,
  username: 256,
  password: 1024,
  token: 4096,
  userSearch: 50, // GET /api/users?search=
} as const;

/** `limit` of GET /api/posts: an integer from `min` to `max`, `default` when absent. */
export const PAGE_LIMIT = { min: 1, max: 50, default: 20 } as const;

/** The largest id a path or query accepts (the columns are 32-bit integers). */
export const MAX_ID = 2_147_483_647;

/** GET /api/suggestions answers at most this many users. */
export const SUGGESTIONS_MAX = 7;

/** Sign-up and profile fields (API.md §9; the users columns are varchar(256) and (512)). */
export const ACCOUNT_LIMITS = {
  usernameMin: 3,
  usernameMax: 30,
  name: 256,
  email: 256,
  passwordMin: 8,
  passwordMax: 128,
  avatarUrl: 512,
} as const;
