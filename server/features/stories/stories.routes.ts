// GET /api/stories (API.md §4): every story whose author is in the network, newest first.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Story } from '../../../contract';
import { listNetworkStories } from './stories.queries';

export const storiesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/stories',
    {
      schema: {
        tags: ['Stories'],
        summary: 'Get Stories',
        description: 'Stories by the current user and the users they follow, newest first.',
        response: { 200: Type.Array(Story) },
      },
    },
    async (request) => listNetworkStories(app.db.kysely, request.user.id),
  );
};
