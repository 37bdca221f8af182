// People (API.md §9): search by the start of a name, one user's profile with its
// counts, and one user's posts. Every function is one statement.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor';
import { literalLimit, type Dialect } from '../../db/portable';
import { withPostDetails, type PostWithDetails } from '../../posts/post-details';
import { USER_COLUMNS, type UserFields } from '../../users/users.mapper';
import { asciiLower, caseClass } from './letter-case';

/** The columns a search matches, lower-cased the way migration 007 indexes them. */
const SEARCHED = ['username', 'first_name', 'last_name'] as const;
type Searched = (typeof SEARCHED)[number];

/**
 * lower(column) in byte (code point) order: PostgreSQL's default collation sorts by
 * locale, where a prefix is no longer a range; SQLite's BINARY order already is.
 * The expression is exactly the one indexed, so both databases search the index.
 */
export function lowerKey(dialect: Dialect, column: Searched): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`(lower(${sql.ref(column)}) collate "C")`
    : sql<string>`lower(${sql.ref(column)})`;
}

/** The smallest string greater than every string starting with `prefix` (null: none). */
function prefixEnd(prefix: string): string | null {
  const points = [...prefix];
  const last = points.pop()!.codePointAt(0)!;
  // U+10FFFF has no successor (and surrogates are not text): leave the range open.
  if (last >= 0x10ffff || (last >= 0xd7ff && last < 0xe000)) return null;
  return points.join('') + String.fromCodePoint(last + 1);
}

/**
 * The index ranges of lowerKey that hold every match: the indexed lower() of the
 * search's characters while each has one form there, then one range per form of the
 * first character that has several (é and É stay apart in SQLite's lower()). In
 * PostgreSQL lower() folds every script in a UTF-8 database and ASCII only in a C one:
 * its ranges allow both (and the first character of a longer lower case, İ to i̇).
 */
export function searchRanges(dialect: Dialect, search: string): Array<[string, string | null]> {
  let prefix = '';
  for (const char of search) {
    const forms = new Set(
      caseClass(char).flatMap((form) =>
        dialect === 'postgres'
          ? [asciiLower(form), [...form.toLowerCase()][0]!]
          : [asciiLower(form)],
      ),
    );
    if (forms.size > 1) {
      return [...forms].map((form) => [prefix + form, prefixEnd(prefix + form)]);
    }
    prefix += [...forms][0]!;
  }
  return [[prefix, prefixEnd(prefix)]];
}

/**
 * Active users whose username, first or last name starts with `search`, ignoring case
 * the same way on both databases (letter-case.ts): the index narrows to searchRanges,
 * then each character of the start must be in the search character's case class.
 */
export function searchUsers(
  db: Executor,
  dialect: Dialect,
  search: string,
  limit: number,
): Promise<UserFields[]> {
  return searchUsersQuery(db, dialect, search, limit).execute();
}

/** The statement searchUsers runs (its tests read the plan of it). */
export function searchUsersQuery(db: Executor, dialect: Dialect, search: string, limit: number) {
  const ranges = searchRanges(dialect, search);
  const chars = [...search];
  return (
    db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where(sql<boolean>`not users.is_disabled`)
      .where((eb) =>
        // One flat OR of (range AND characters) terms: each term is an index range, so
        // SQLite answers with its multi-index OR plan and PostgreSQL with a BitmapOr.
        eb.or(
          SEARCHED.flatMap((column) => {
            const key = lowerKey(dialect, column);
            const sameLetters = chars.map((char, index) =>
              eb(
                sql<string>`substr(${sql.ref(column)}, ${sql.lit(index + 1)}, 1)`,
                'in',
                caseClass(char),
              ),
            );
            return ranges.map(([start, end]) =>
              eb.and([
                eb(key, '>=', start),
                ...(end === null ? [] : [eb(key, '<', end)]),
                ...sameLetters,
              ]),
            );
          }),
        ),
      )
      // Code point order on both databases (PostgreSQL would otherwise sort by locale).
      .orderBy(dialect === 'postgres' ? sql`username collate "C"` : sql`username`)
      .orderBy('id')
      .limit(literalLimit(limit))
  );
}

export interface ProfileRow extends UserFields {
  posts_count: number | string;
  followers_count: number | string;
  following_count: number | string;
  following_id: number | null;
}

/**
 * An active user by id or exact username, with their counts and the viewer's
 * following row for them. A user following themself (the course allows it) is not
 * counted among their own followers or followings.
 */
export function findProfile(
  db: Executor,
  viewerId: number,
  user: { id: number } | { username: string },
): Promise<ProfileRow | undefined> {
  return db
    .selectFrom('users')
    .select(USER_COLUMNS.map((column) => `users.${column}` as const))
    .select((eb) => [
      eb
        .selectFrom('posts')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('posts.user_id', '=', 'users.id')
        .as('posts_count'),
      eb
        .selectFrom('following as f')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('f.following_id', '=', 'users.id')
        .whereRef('f.user_id', '<>', 'users.id')
        .as('followers_count'),
      eb
        .selectFrom('following as f')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('f.user_id', '=', 'users.id')
        .whereRef('f.following_id', '<>', 'users.id')
        .as('following_count'),
      eb
        .selectFrom('following as mine')
        .select('mine.id')
        .where('mine.user_id', '=', viewerId)
        .whereRef('mine.following_id', '=', 'users.id')
        .limit(literalLimit(1))
        .as('following_id'),
    ])
    .where(sql<boolean>`not users.is_disabled`)
    .where((eb) =>
      'id' in user ? eb('users.id', '=', user.id) : eb('users.username', '=', user.username),
    )
    .executeTakeFirst() as Promise<ProfileRow | undefined>;
}

export interface PostsOwner {
  id: number;
  /** 1 when the viewer may see the user's posts (themself, or someone they follow). */
  in_network: number | boolean;
  /** 1 when `before` names a post of this user. */
  cursor_found: number | boolean;
}

/** An active user, whether they are in the viewer's network, and whether `before` is theirs. */
export function findPostsOwner(
  db: Executor,
  viewerId: number,
  user: { id: number } | { username: string },
  before: number | undefined,
): Promise<PostsOwner | undefined> {
  return db
    .selectFrom('users')
    .select('users.id')
    .select((eb) => [
      eb
        .or([
          eb('users.id', '=', viewerId),
          eb.exists(
            eb
              .selectFrom('following')
              .select('following.id')
              .where('following.user_id', '=', viewerId)
              .whereRef('following.following_id', '=', 'users.id'),
          ),
        ])
        .as('in_network'),
      eb
        .exists(
          eb
            .selectFrom('posts')
            .select('posts.id')
            .where('posts.id', '=', before ?? 0)
            .whereRef('posts.user_id', '=', 'users.id'),
        )
        .as('cursor_found'),
    ])
    .where(sql<boolean>`not users.is_disabled`)
    .where((eb) =>
      'id' in user ? eb('users.id', '=', user.id) : eb('users.username', '=', user.username),
    )
    .executeTakeFirst();
}

/**
 * The user's posts, newest first, after post `before` in that order when given, each
 * with its details for `viewerId` (author, the viewer's bookmark) for assembly.
 */
export function listUserPosts(
  db: Executor,
  viewerId: number,
  userId: number,
  limit: number,
  before?: number,
): Promise<PostWithDetails[]> {
  let query = db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.user_id', '=', userId)
    .$call(withPostDetails(db, viewerId));
  if (before !== undefined) {
    query = query.where(
      sql<boolean>`(posts.pub_date, posts.id) < (select c.pub_date, c.id from posts as c where c.id = ${before})`,
    );
  }
  return query
    .orderBy('posts.pub_date', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(literalLimit(limit))
    .execute();
}
