// Rows made directly through SQL, as another program (or a course test) would.
// Each test creates its own data; nothing here assumes what else is in the database.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../server/db/database';
import { toDbTime } from '../server/db/portable';
import type { UserRow } from '../server/db/schema';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

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

/** `Authorization: Bearer` header for a fresh access token of the user. */
export function bearer(app: FastifyInstance, userId: number): { authorization: string } {
  return { authorization: `Bearer ${app.tokens.sign('access', userId).token}` };
}
