// GET /api/profile (API.md §4): the current user, loaded by the auth hook for this request.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { User } from '../../../contract';
import { toUser } from '../../users/users.mapper';

export const profileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/profile',
    {
      schema: {
        tags: ['Profile'],
        summary: 'Get Profile',
        description: 'The current user.',
        response: { 200: User },
      },
    },
    async (request) => toUser(request.user),
  );
};
