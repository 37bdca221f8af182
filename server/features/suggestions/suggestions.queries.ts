// Users to suggest following (API.md §4): at most 7 the viewer neither is nor follows.
import { sql } from 'kysely';
import { compiledQuery } from '../../db/compiled-query';
import type { Executor } from '../../db/executor';
import { literalLimit } from '../../db/portable';
import { USER_COLUMNS } from '../../users/users.mapper';

export const SUGGESTION_COUNT = 7;

/**
 * Walks users in primary-key order and stops at the 7th one not yet followed, so the
 * work is bounded by how many users the viewer follows, never by the table size.
 * Disabled accounts cannot log in, so they are not suggested.
 */
export function listSuggestedUsers(db: Executor, viewerId: number) {
  return suggestionsQuery.execute(db, { viewerId });
}

const suggestionsQuery = compiledQuery((db, values: { viewerId: number }) =>
  db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('users.id', '<>', values.viewerId)
    .where(sql<boolean>`not ${sql.ref('users.is_disabled')}`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('following')
            .select('following.id')
            .where('following.user_id', '=', values.viewerId)
            .whereRef('following.following_id', '=', 'users.id'),
        ),
      ),
    )
    .orderBy('users.id')
    .limit(literalLimit(SUGGESTION_COUNT)),
);
