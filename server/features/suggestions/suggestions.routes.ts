// GET /api/suggestions (API.md §4): at most 7 users the current user neither is nor follows.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { User } from '../../../contract';
import { toUser } from '../../users/users.mapper';
import { listSuggestedUsers, SUGGESTION_COUNT } from './suggestions.queries';

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
