// /api/likes and the older course paths (API.md §4), which keep the same rules and
// are marked deprecated in the OpenAPI document.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Like, PathId, PostIdBody } from '../../../contract';
import type { Executor } from '../../db/executor';
import { findTarget } from '../../db/insert-once';
import { insertOwnedLink } from '../../db/owned-links';
import { findVisiblePost } from '../../posts/visible-posts';
import {
  createdResponses,
  deletedMessage,
  deletedResponses,
  routesTagged,
} from '../../route-schema';
import { deleteOwnLike, insertLike } from './likes.queries';

const route = routesTagged('Post Likes');
const PostIdParams = Type.Object({ post_id: PathId() });
const PostLikeParams = Type.Object({ post_id: PathId(), id: PathId() });

/** `post` is a path id or a validated body id (API.md §4: out of range is a 404). */
async function likeVisiblePost(db: Executor, userId: number, post: number | string): Promise<Like> {
  const target = await findTarget('Post', post, (id) => findVisiblePost(db, userId, id));
  return insertOwnedLink(db, 'likes_posts', userId, target, () =>
    insertLike(db, userId, target.id),
  );
}

async function unlike(db: Executor, userId: number, likeId: number, postId?: number) {
  return deletedMessage('Like', likeId, await deleteOwnLike(db, userId, likeId, postId));
}

export const likesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db.kysely;
  const created = createdResponses(Like);

  // POST /api/likes and DELETE /api/likes/{id}, each also under a flat course path.
  const addLikeRoute = (path: string, summary: string, description: string, deprecated = false) =>
    app.post(
      path,
      route(summary, description, { deprecated, body: PostIdBody, response: created }),
      async (request, reply) =>
        reply.code(201).send(await likeVisiblePost(db, request.user.id, request.body.post_id)),
    );
  const deleteLikeRoute = (
    path: string,
    summary: string,
    description: string,
    deprecated = false,
  ) =>
    app.delete(
      path,
      route(summary, description, { deprecated, params: IdParams, response: deletedResponses }),
      async (request) => unlike(db, request.user.id, request.params.id),
    );

  addLikeRoute(
    '/likes',
    'Add a Like',
    'Likes a post by the current user or by someone they follow.',
  );
  deleteLikeRoute(
    '/likes/:id',
    'Delete a Like',
    'Removes a like of the current user (the id is the like id).',
  );

  // The nested course paths name the post in the path.
  app.post(
    '/posts/:post_id/likes',
    route(
      'Add a Like (deprecated alias)',
      'Older course path for POST /api/likes; the post id comes from the path and no body is needed.',
      { deprecated: true, params: PostIdParams, response: created },
    ),
    async (request, reply) =>
      reply.code(201).send(await likeVisiblePost(db, request.user.id, request.params.post_id)),
  );
  app.delete(
    '/posts/:post_id/likes/:id',
    route(
      'Delete a Like (deprecated alias)',
      'Older course path for DELETE /api/likes/{id}; the like must belong to the post in the path.',
      { deprecated: true, params: PostLikeParams, response: deletedResponses },
    ),
    async (request) => unlike(db, request.user.id, request.params.id, request.params.post_id),
  );

  addLikeRoute(
    '/posts/likes',
    'Add a Like (deprecated alias, body)',
    'Older course path for POST /api/likes, with the same body.',
    true,
  );
  deleteLikeRoute(
    '/posts/likes/:id',
    'Delete a Like (deprecated alias, flat path)',
    'Older course path for DELETE /api/likes/{id}.',
    true,
  );
};
