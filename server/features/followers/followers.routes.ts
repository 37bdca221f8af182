// GET /api/followers (API.md §4): who follows the current user.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Follower } from '../../../contract';
import { routesTagged } from '../../route-schema';
import { listFollowers } from './followers.queries';

const route = routesTagged('Followers');

export const followersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/followers',
    route('Get Followers', 'The users who follow the current user.', {
      response: { 200: Type.Array(Follower) },
    }),
    async (request) => listFollowers(app.db.kysely, request.user.id),
  );
};
