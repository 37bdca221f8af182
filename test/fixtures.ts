// Rows made directly through SQL, as another program (or a course test) would.
// Each test creates its own data; nothing here assumes what else is in the database.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../server/db/database';
import { toDbTime } from '../server/db/portable';
import { sql, type Selectable } from 'kysely';
import type { Database, PostRow, UserRow } from '../server/db/schema';
import {
  ACCESS_COOKIE,
  CSRF_ACCESS_COOKIE,
  CSRF_REFRESH_COOKIE,
  REFRESH_COOKIE,
} from '../server/auth/cookies';

let counter = 0;
const unique = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

/** A username no other test has (letters first, as the rule wants). */
export const freshUsername = (prefix = 'u') => `${prefix}${unique()}`;

/** The password hash stored for a user now (to see that a refused change changed nothing). */
export async function passwordHashOf(db: Db, userId: number): Promise<string> {
  const row = await db.kysely
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

/** A valid sign-up (POST /api/users, the /register form) for a fresh username. */
export function signUpBody<T extends object = Record<never, never>>(overrides?: T) {
  const username = freshUsername();
  return {
    username,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: `${username}@example.com`,
    password: 'analytical engine 1843',
    ...overrides,
  };
}

export async function createUser(
  db: Db,
  overrides: Partial<Omit<UserRow, 'id'>> & { id?: number } = {},
): Promise<UserRow> {
  const name = overrides.username ?? `user_${unique()}`;
  const row = {
    first_name: 'Test',
    last_name: 'User',
    username: name,
    email: `${name}@example.com`,
    password_hash: 'no-login',
    password_plaintext: null,
    image_url: `/media/seed/avatar-${name}.svg`,
    thumb_url: `/media/seed/avatar-${name}.svg`,
    date_created: toDbTime(new Date()),
    ...overrides,
  };
  return db.kysely.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * A browser session for the user, as POST /login makes it: the Cookie header
 * carrying the four cookies, and the CSRF values cookie-authenticated writes must
 * send as X-CSRF-TOKEN (`csrf` for the API, `refreshCsrf` for /api/token/refresh).
 */
export function loginCookies(
  app: FastifyInstance,
  userId: number,
): { cookie: string; csrf: string; refreshCsrf: string; refreshToken: string } {
  // Tokens without a session claim (Flask's rules): sessions have their own tests.
  const access = app.tokens.sign('access', userId);
  const refresh = app.tokens.sign('refresh', userId);
  const session = {
    pair: { access_token: access.token, refresh_token: refresh.token },
    accessCsrf: access.claims.csrf ?? '',
    refreshCsrf: refresh.claims.csrf ?? '',
  };
  const cookie = [
    `${ACCESS_COOKIE}=${session.pair.access_token}`,
    `${CSRF_ACCESS_COOKIE}=${session.accessCsrf}`,
    `${REFRESH_COOKIE}=${session.pair.refresh_token}`,
    `${CSRF_REFRESH_COOKIE}=${session.refreshCsrf}`,
  ].join('; ');
  return {
    cookie,
    csrf: session.accessCsrf,
    refreshCsrf: session.refreshCsrf,
    refreshToken: session.pair.refresh_token,
  };
}

/** `Authorization: Bearer` header for a fresh access token of the user. */
export function bearer(app: FastifyInstance, userId: number): { authorization: string } {
  return { authorization: `Bearer ${app.tokens.sign('access', userId).token}` };
}

/** A post by `userId`, published `hoursAgo` hours ago unless overridden. */
export async function createPost(
  db: Db,
  userId: number,
  overrides: Partial<Omit<PostRow, 'user_id'>> & { hoursAgo?: number } = {},
): Promise<PostRow> {
  const { hoursAgo = 0, ...fields } = overrides;
  return db.kysely
    .insertInto('posts')
    .values({
      image_url: `/media/seed/photo-${unique()}.svg`,
      caption: 'A caption',
      alt_text: 'An alt text',
      pub_date: toDbTime(new Date(Date.now() - hoursAgo * 3_600_000)),
      ...fields,
      user_id: userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** `followerId` follows `followedId`; returns the following row. */
export async function follow(db: Db, followerId: number, followedId: number) {
  return db.kysely
    .insertInto('following')
    .values({ user_id: followerId, following_id: followedId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A like or a bookmark row: the two tables have the same shape. */
async function markPost(
  db: Db,
  table: 'likes_posts' | 'bookmarks',
  userId: number,
  postId: number,
) {
  return db.kysely
    .insertInto(table)
    .values({ user_id: userId, post_id: postId, timestamp: toDbTime(new Date()) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const like = (db: Db, userId: number, postId: number) =>
  markPost(db, 'likes_posts', userId, postId);

export const bookmark = (db: Db, userId: number, postId: number) =>
  markPost(db, 'bookmarks', userId, postId);

export async function comment(
  db: Db,
  userId: number,
  postId: number,
  text = 'A comment',
  hoursAgo = 0,
) {
  return db.kysely
    .insertInto('comments')
    .values({
      user_id: userId,
      post_id: postId,
      text,
      pub_date: toDbTime(new Date(Date.now() - hoursAgo * 3_600_000)),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createStory(db: Db, userId: number, text = 'A story', hoursAgo = 0) {
  return db.kysely
    .insertInto('stories')
    .values({
      user_id: userId,
      text,
      pub_date: toDbTime(new Date(Date.now() - hoursAgo * 3_600_000)),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** POST /api/token/refresh with the refresh token in the JSON body (no cookies). */
export function refreshWith(app: FastifyInstance, refreshToken: string) {
  return app.inject({
    method: 'POST',
    url: '/api/token/refresh',
    payload: { refresh_token: refreshToken },
  });
}

/** The rows `userId` owns (user_id = userId) in one of the per-user tables. */
export function rowsOwnedBy<T extends 'bookmarks' | 'comments' | 'following' | 'likes_posts'>(
  db: Db,
  table: T,
  userId: number,
) {
  return (
    db.kysely
      // Any one of the tables: the cast keeps Kysely from inferring a union of four row types.
      .selectFrom(table as 'likes_posts')
      .selectAll()
      .where('user_id', '=', userId)
      .execute() as Promise<Array<Selectable<Database[T]>>>
  );
}

/** Requests as `userId` (Bearer token); `payload` objects are sent as JSON. */
export function apiAs(app: FastifyInstance, userId: number) {
  const headers = bearer(app, userId);
  return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object | string) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
}

export type ApiClient = ReturnType<typeof apiAs>;

/** Status and JSON body checked together, so a failure shows both. */
export function assertAnswer(
  response: LightMyRequestResponse,
  status: number,
  body: unknown,
  note?: string,
): void {
  assert.deepEqual([response.statusCode, response.json()], [status, body], note);
}

/**
 * "Create once" (a like, a bookmark, a follow): two simultaneous POSTs answer one
 * 201 and one 400, a third POST answers 400 with `message`, and `rows()` (the
 * user's rows in the table written) then holds exactly one row.
 */
export async function assertCreatedOnce(
  as: ApiClient,
  url: string,
  body: object,
  message: string,
  rows: () => Promise<unknown[]>,
): Promise<void> {
  const answers = await Promise.all([1, 2].map(() => as('POST', url, body)));
  assert.deepEqual(answers.map((r) => r.statusCode).sort(), [201, 400]);
  assertAnswer(await as('POST', url, body), 400, { message });
  assert.equal((await rows()).length, 1, `one row after the POSTs to ${url}`);
}

/** The wire keys of every Post (API.md §3), sorted; current_user_* keys appear only when set. */
export const POST_KEYS = [
  'alt_text',
  'caption',
  'comments',
  'display_time',
  'id',
  'image_url',
  'likes',
  'user',
];

/** An object's keys, sorted, to compare with a list such as USER_KEYS. */
export const keysOf = (value: object) => Object.keys(value).sort();

export const USER_KEYS = [
  'email',
  'first_name',
  'id',
  'image_url',
  'last_name',
  'thumb_url',
  'username',
];

/** A viewer who follows `friend` and not `stranger`, with an API client acting as the viewer. */
export async function createNetwork(app: FastifyInstance, db: Db) {
  const viewer = await createUser(db);
  const friend = await createUser(db);
  const stranger = await createUser(db);
  await follow(db, viewer.id, friend.id);
  return { viewer, friend, stranger, as: apiAs(app, viewer.id) };
}

/** One feature's tests on `t`: fresh networks (createNetwork), and the rows a user owns in `table`. */
export function networkAndRows<T extends 'bookmarks' | 'comments' | 'following' | 'likes_posts'>(
  t: { app: FastifyInstance; db: Db },
  table: T,
) {
  return {
    network: () => createNetwork(t.app, t.db),
    rowsOf: (userId: number) => rowsOwnedBy(t.db, table, userId),
  };
}

/**
 * A list the API answers at `url` and at `url/` (the course clients use both): both
 * answer 200 with the same JSON, which is returned.
 */
export async function listAt(as: ApiClient, url: string) {
  const answers = await Promise.all([url, `${url}/`].map((u) => as('GET', u)));
  assert.deepEqual(
    answers.map((r) => r.statusCode),
    [200, 200],
    url,
  );
  const [list, slashed] = answers.map((r) => r.json());
  assert.deepEqual(slashed, list, `${url}/ answers as ${url} does`);
  return list;
}

/** GET /api/profile with `Authorization: Bearer <token>` (any token, ours or a forged one). */
export function profileWith(app: FastifyInstance, token: string) {
  return app.inject({
    method: 'GET',
    url: '/api/profile',
    headers: { authorization: `Bearer ${token}` },
  });
}

/**
 * A list of follow rows as GET /api/followers and /api/following answer it: the
 * `[row id, user id]` pairs in this order, every entry exactly `{id, <side>}`, and
 * every user with exactly USER_KEYS.
 */
export function assertFollowList(
  list: unknown,
  side: 'follower' | 'following',
  expected: Array<[rowId: number, userId: number]>,
): void {
  const entries = list as Array<{ id: number } & Record<typeof side, { id: number }>>;
  assert.deepEqual(
    entries.map((entry) => [entry.id, entry[side].id]),
    expected,
  );
  for (const entry of entries) {
    assert.deepEqual(keysOf(entry), [side, 'id'].sort());
    assert.deepEqual(keysOf(entry[side]), USER_KEYS);
  }
}

/**
 * Deletes the user row alone, leaving their posts, comments, stories and follows
 * behind, as another program may (SQLite with foreign keys off, PostgreSQL with its
 * triggers off).
 */
export async function deleteUserWithoutCascade(db: Db, userId: number): Promise<void> {
  await db.kysely.connection().execute(async (connection) => {
    const [off, on] =
      db.dialect === 'postgres'
        ? [sql`set session_replication_role = replica`, sql`set session_replication_role = default`]
        : [sql`pragma foreign_keys = off`, sql`pragma foreign_keys = on`];
    await off.execute(connection);
    try {
      await connection.deleteFrom('users').where('id', '=', userId).execute();
    } finally {
      await on.execute(connection);
    }
  });
}
