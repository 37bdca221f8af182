// /api/following (API.md §4). Following yourself is accepted, as in the course app.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Following, IdParams, Message, UserIdBody } from '../../../contract';
import { badRequest, notFound } from '../../errors';
import { insertOnce } from '../posts/insert-once';
import {
  deleteOwnFollowing,
  findOwnFollowing,
  findUserById,
  insertFollowing,
  listFollowing,
  toFollowings,
} from './following.queries';

const tags = ['Following'];

export const followingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db.kysely;

  app.get(
    '/following',
    {
      schema: {
        tags,
        summary: 'Get Following',
        description:
          'The users the current user follows; each id is the following row to pass to Unfollow User.',
        response: { 200: Type.Array(Following) },
      },
    },
    async (request) => listFollowing(db, request.user.id),
  );

  app.post(
    '/following',
    {
      schema: {
        tags,
        summary: 'Follow User',
        description: 'The current user follows another user.',
        body: UserIdBody,
        response: { 201: Following, 400: Message, 404: Message },
      },
    },
    async (request, reply) => {
      const followerId = request.user.id;
      const userId = Number(request.body.user_id);
      const missing = `User ${userId} not found.`;
      if (!(await findUserById(db, userId))) throw notFound(missing);
      const duplicate = `You already follow user ${userId}.`;
      if (await findOwnFollowing(db, followerId, userId)) throw badRequest(duplicate);
      const row = await insertOnce(() => insertFollowing(db, followerId, userId), {
        duplicate,
        missing,
      });
      const [following] = await toFollowings(db, [row]);
      if (!following) throw notFound(missing);
      return reply.code(201).send(following);
    },
  );

  app.delete(
    '/following/:id',
    {
      schema: {
        tags,
        summary: 'Unfollow User',
        description:
          "Deletes one of the current user's following rows (the id from Get Following, not a user id).",
        params: IdParams,
        response: { 200: Message, 404: Message },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await deleteOwnFollowing(db, request.user.id, id)))
        throw notFound(`Following ${id} not found.`);
      return { message: `Following ${id} deleted.` };
    },
  );
};
