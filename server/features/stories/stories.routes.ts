// GET /api/stories (API.md §4): every story whose author is in the network, newest first.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Story } from '../../../contract';
import { toUser } from '../posts/posts.mapper';
import { findUsersByIds, networkOf, type Executor } from '../posts/posts.queries';

/** Two statements whatever the number of stories: the stories, then their authors. */
export async function listNetworkStories(db: Executor, viewerId: number): Promise<Story[]> {
  const rows = await db
    .selectFrom('stories')
    .select(['id', 'text', 'user_id'])
    .where('stories.user_id', 'in', networkOf(db, viewerId))
    .orderBy('pub_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const users = new Map(
    (await findUsersByIds(db, [...new Set(rows.map((row) => row.user_id))])).map((u) => [u.id, u]),
  );
  return rows.flatMap((row) => {
    const user = users.get(row.user_id);
    return user ? [{ id: row.id, text: row.text, user: toUser(user) }] : [];
  });
}

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
