// /api/following (API.md §4). Following yourself is accepted, as in the course app.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Following, IdParams, UserIdBody, rowIdOf } from '../../../contract';
import { insertOnce } from '../../db/insert-once';
import { notFound } from '../../errors';
import {
  createdResponses,
  deletedMessage,
  deletedResponses,
  routesTagged,
} from '../../route-schema';
import { userExists } from '../../users/users.queries';
import {
  deleteOwnFollowing,
  findOwnFollowing,
  insertFollowing,
  listFollowing,
  toFollowings,
} from './following.queries';

const route = routesTagged('Following');

export const followingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db.kysely;

  app.get(
    '/following',
    route(
      'Get Following',
      'The users the current user follows; each id is the following row to pass to Unfollow User.',
      { response: { 200: Type.Array(Following) } },
    ),
    async (request) => listFollowing(db, request.user.id),
  );

  app.post(
    '/following',
    route('Follow User', 'The current user follows another user.', {
      body: UserIdBody,
      response: createdResponses(Following),
    }),
    async (request, reply) => {
      const followerId = request.user.id;
      // API.md §4: an id outside 1–2147483647 names no user, and never reaches SQL.
      const userId = rowIdOf(request.body.user_id);
      const missing = `User ${request.body.user_id} not found.`;
      if (userId === null || !(await userExists(db, userId))) throw notFound(missing);
      const row = await insertOnce({
        findExisting: () => findOwnFollowing(db, followerId, userId),
        insert: () => insertFollowing(db, followerId, userId),
        duplicate: `You already follow user ${userId}.`,
        missing,
      });
      const [following] = await toFollowings(db, [row]);
      if (!following) throw notFound(missing);
      return reply.code(201).send(following);
    },
  );

  app.delete(
    '/following/:id',
    route(
      'Unfollow User',
      "Deletes one of the current user's following rows (the id from Get Following, not a user id).",
      { params: IdParams, response: deletedResponses },
    ),
    async ({ user, params: { id } }) =>
      deletedMessage('Following', id, await deleteOwnFollowing(db, user.id, id)),
  );
};
