// /api/comments (API.md §4): comment on a visible post; delete only your own comment.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Comment, IdParams, Message, NewComment, rowIdOf } from '../../../contract';
import { insertOnce } from '../../db/insert-once';
import { notFound } from '../../errors';
import { toComment } from '../../posts/posts.mapper';
import { findVisiblePost } from '../../posts/visible-posts';
import { toUser } from '../../users/users.mapper';
import { deleteOwnComment, insertComment } from './comments.queries';

const tags = ['Comments'];

export const commentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db.kysely;

  app.post(
    '/comments',
    {
      schema: {
        tags,
        summary: 'Add Comment',
        description: 'Adds a comment to a post by the current user or by someone they follow.',
        body: NewComment,
        response: { 201: Comment, 400: Message, 404: Message },
      },
    },
    async (request, reply) => {
      // API.md §4: an id outside 1–2147483647 names no post, and never reaches SQL.
      const postId = rowIdOf(request.body.post_id);
      const missing = `Post ${request.body.post_id} not found.`;
      if (postId === null || !(await findVisiblePost(db, request.user.id, postId)))
        throw notFound(missing);
      // Comments may repeat: only a post deleted since the check can refuse the row.
      const row = await insertOnce({
        insert: () => insertComment(db, request.user.id, postId, request.body.text),
        missing,
      });
      return reply.code(201).send(toComment(row, toUser(request.user), new Date()));
    },
  );

  app.delete(
    '/comments/:id',
    {
      schema: {
        tags,
        summary: 'Delete Comment',
        description: 'Deletes a comment the current user wrote.',
        params: IdParams,
        response: { 200: Message, 404: Message },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await deleteOwnComment(db, request.user.id, id)))
        throw notFound(`Comment ${id} not found.`);
      return { message: `Comment ${id} deleted.` };
    },
  );
};
