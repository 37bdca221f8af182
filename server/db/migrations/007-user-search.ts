// Indexes for GET /api/users?search=: the start of lower(username), lower(first_name)
// or lower(last_name), as a range. On PostgreSQL the expression is in byte order
// (collate "C"), where a prefix is a range whatever the database's locale; the
// queries (features/users/users.queries.ts lowerKey) use exactly these expressions.
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../portable';

const columns = ['username', 'first_name', 'last_name'] as const;

export function userSearchIndexes(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const column of columns) {
        const key =
          dialect === 'postgres'
            ? sql`(lower(${sql.ref(column)}) collate "C")`
            : sql`lower(${sql.ref(column)})`;
        await db.schema
          .createIndex(`ix_users_lower_${column}`)
          .ifNotExists()
          .on('users')
          .expression(key)
          .execute();
      }
    },
  };
}
