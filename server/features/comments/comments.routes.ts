// /api/comments (API.md §4): comment on a visible post; delete only your own comment.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Comment, IdParams, NewComment, rowIdOf } from '../../../contract';
import { insertOnce } from '../../db/insert-once';
import { notFound } from '../../errors';
import { toComment } from '../../posts/posts.mapper';
import { findVisiblePost } from '../../posts/visible-posts';
import {
  createdResponses,
  deletedMessage,
  deletedResponses,
  routesTagged,
} from '../../route-schema';
import { toUser } from '../../users/users.mapper';
import { deleteOwnComment, insertComment } from './comments.queries';

const route = routesTagged('Comments');

export const commentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db.kysely;

  app.post(
    '/comments',
    route(
      'Add Comment',
      'Adds a comment to a post by the current user or by someone they follow.',
      {
        body: NewComment,
        response: createdResponses(Comment),
      },
    ),
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
    route('Delete Comment', 'Deletes a comment the current user wrote.', {
      params: IdParams,
      response: deletedResponses,
    }),
    async ({ user, params: { id } }) =>
      deletedMessage('Comment', id, await deleteOwnComment(db, user.id, id)),
  );
};
