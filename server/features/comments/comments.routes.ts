// /api/comments (API.md §4): comment on a visible post; delete only your own comment.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Comment, IdParams, NewComment } from '../../../contract';
import { findTarget, insertOnce } from '../../db/insert-once';
import { toComment } from '../../posts/posts.mapper';
import { findVisiblePost } from '../../posts/visible-posts';
import { createdResponses, deletesOwn, deletedResponses, routesTagged } from '../../route-schema';
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
    async ({ user, body }, reply) => {
      const post = await findTarget('Post', body.post_id, (id) => findVisiblePost(db, user.id, id));
      // Comments may repeat: only a post deleted since the check can refuse the row.
      const row = await insertOnce({
        insert: () => insertComment(db, user.id, post.id, body.text),
        missing: post.missing,
      });
      return reply.code(201).send(toComment(row, toUser(user), new Date()));
    },
  );

  app.delete(
    '/comments/:id',
    route('Delete Comment', 'Deletes a comment the current user wrote.', {
      params: IdParams,
      response: deletedResponses,
    }),
    deletesOwn('Comment', db, deleteOwnComment),
  );
};
