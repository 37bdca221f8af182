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
