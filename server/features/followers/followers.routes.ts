// GET /api/followers (API.md §4): who follows the current user.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Follower } from '../../../contract';
import { toUser } from '../posts/posts.mapper';
import { findUsersByIds, type Executor } from '../posts/posts.queries';

/** Following rows that point at the user, with their followers: two statements whatever the count. */
export async function listFollowers(db: Executor, userId: number): Promise<Follower[]> {
  const rows = await db
    .selectFrom('following')
    .select(['id', 'user_id'])
    .where('following_id', '=', userId)
    .orderBy('id')
    .execute();
  const users = new Map(
    (await findUsersByIds(db, [...new Set(rows.map((row) => row.user_id))])).map((u) => [u.id, u]),
  );
  return rows.flatMap((row) => {
    const user = users.get(row.user_id);
    return user ? [{ id: row.id, follower: toUser(user) }] : [];
  });
}

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
