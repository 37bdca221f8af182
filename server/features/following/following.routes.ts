// /api/following (API.md §4). Following yourself is accepted, as in the course app.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Following, IdParams, UserIdBody } from '../../../contract';
import { findTarget } from '../../db/insert-once';
import { insertOwnedLink } from '../../db/owned-links';
import { notFound } from '../../errors';
import { createdResponses, deletesOwn, deletedResponses, routesTagged } from '../../route-schema';
import { userExists } from '../../users/users.queries';
import {
  deleteOwnFollowing,
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
    async ({ user, body }, reply) => {
      const followed = await findTarget('User', body.user_id, (id) => userExists(db, id));
      const row = await insertOwnedLink(db, 'following', user.id, followed, () =>
        insertFollowing(db, user.id, followed.id),
      );
      const [following] = await toFollowings(db, [row]);
      if (!following) throw notFound(followed.missing);
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
    deletesOwn('Following', db, deleteOwnFollowing),
  );
};
