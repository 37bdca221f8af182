// GET /api/suggestions (API.md §4): at most 7 users the current user neither is nor follows.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { User } from '../../../contract';
import { toUser, USER_COLUMNS } from '../posts/posts.mapper';
import type { Executor } from '../posts/posts.queries';

export const SUGGESTION_COUNT = 7;

/**
 * Walks users in primary-key order and stops at the 7th one not yet followed, so the
 * work is bounded by how many users the viewer follows, never by the table size.
 * Disabled accounts cannot log in, so they are not suggested.
 */
export function listSuggestedUsers(db: Executor, viewerId: number) {
  return db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('users.id', '<>', viewerId)
    .where(sql<boolean>`not ${sql.ref('users.is_disabled')}`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('following')
            .select('following.id')
            .where('following.user_id', '=', viewerId)
            .whereRef('following.following_id', '=', 'users.id'),
        ),
      ),
    )
    .orderBy('users.id')
    .limit(SUGGESTION_COUNT)
    .execute();
}

export const suggestionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/suggestions',
    {
      schema: {
        tags: ['Suggestions'],
        summary: 'Get Suggestions',
        description: `At most ${SUGGESTION_COUNT} users the current user neither is nor follows.`,
        response: { 200: Type.Array(User) },
      },
    },
    async (request) => (await listSuggestedUsers(app.db.kysely, request.user.id)).map(toUser),
  );
};
