// User rows -> the wire User of API.md §3. Pure functions: no database access here.
import type { User } from '../../contract';

/** The user columns that may leave the server (never password_hash). */
export const USER_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'username',
  'email',
  'image_url',
  'thumb_url',
] as const;

export type UserFields = { [K in (typeof USER_COLUMNS)[number]]: User[K] };

export function toUser(row: UserFields): User {
  return {
    id: row.id,
    first_name: row.first_name,
    last_name: row.last_name,
    username: row.username,
    email: row.email,
    image_url: row.image_url ?? null,
    thumb_url: row.thumb_url ?? null,
  };
}

type UserColumn = (typeof USER_COLUMNS)[number];
type AsAuthor<Columns extends readonly string[]> = {
  readonly [K in keyof Columns]: `author.${Columns[K] & string} as author_${Columns[K] & string}`;
};

/**
 * USER_COLUMNS of a user joined `as author` (the author of a post or a comment),
 * renamed `author_*` because a post has an image_url of its own. (map() loses the
 * tuple's literal types, which Kysely reads the selected columns' names from.)
 */
export const AUTHOR_COLUMNS = USER_COLUMNS.map(
  (column) => `author.${column} as author_${column}` as const,
) as unknown as AsAuthor<typeof USER_COLUMNS>;

/** The AUTHOR_COLUMNS of a row whose author was found. */
export type AuthorFields = { [K in UserColumn as `author_${K}`]: UserFields[K] };

/** The AUTHOR_COLUMNS of a left join: all null when the author row is gone. */
export type JoinedAuthorFields = { [K in keyof AuthorFields]: AuthorFields[K] | null };

function authorFound(row: JoinedAuthorFields): row is AuthorFields {
  return row.author_id !== null;
}

/** The wire User of a row with AUTHOR_COLUMNS; undefined when the author row is gone. */
export function toAuthor(row: JoinedAuthorFields): User | undefined {
  if (!authorFound(row)) return undefined;
  return toUser({
    id: row.author_id,
    first_name: row.author_first_name,
    last_name: row.author_last_name,
    username: row.author_username,
    email: row.author_email,
    image_url: row.author_image_url,
    thumb_url: row.author_thumb_url,
  });
}
