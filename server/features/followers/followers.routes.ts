// GET /api/followers (API.md §4): who follows the current user.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Follower } from '../../../contract';
import { listFollowers } from './followers.queries';

export const followersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/followers',
    {
      schema: {
        tags: ['Followers'],
        summary: 'Get Followers',
        description: 'The users who follow the current user.',
        response: { 200: Type.Array(Follower) },
      },
    },
    async (request) => listFollowers(app.db.kysely, request.user.id),
  );
};
