// /api/likes and the older course paths (API.md §4), which keep the same rules and
// are marked deprecated in the OpenAPI document.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Like, Message, PathId, PostIdBody, rowIdOf } from '../../../contract';
import type { Executor } from '../../db/executor';
import { insertOnce } from '../../db/insert-once';
import { notFound } from '../../errors';
import { findVisiblePost } from '../../posts/visible-posts';
import { deleteOwnLike, findOwnLikeOfPost, insertLike } from './likes.queries';

const tags = ['Post Likes'];
const PostIdParams = Type.Object({ post_id: PathId() });
const PostLikeParams = Type.Object({ post_id: PathId(), id: PathId() });

/** `post` is a path id or a validated body id (API.md §4: out of range is a 404). */
async function likeVisiblePost(db: Executor, userId: number, post: number | string): Promise<Like> {
  const missing = `Post ${post} not found.`;
  const postId = rowIdOf(post);
  if (postId === null || !(await findVisiblePost(db, userId, postId))) throw notFound(missing);
  return insertOnce({
    findExisting: () => findOwnLikeOfPost(db, userId, postId),
    insert: () => insertLike(db, userId, postId),
    duplicate: `You already like post ${postId}.`,
    missing,
  });
}

async function unlike(db: Executor, userId: number, likeId: number, postId?: number) {
  if (!(await deleteOwnLike(db, userId, likeId, postId)))
    throw notFound(`Like ${likeId} not found.`);
  return { message: `Like ${likeId} deleted.` };
}

const created = { 201: Like, 400: Message, 404: Message };
const deleted = { 200: Message, 404: Message };

export const likesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db.kysely;

  app.post(
    '/likes',
    {
      schema: {
        tags,
        summary: 'Add a Like',
        description: 'Likes a post by the current user or by someone they follow.',
        body: PostIdBody,
        response: created,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await likeVisiblePost(db, request.user.id, request.body.post_id)),
  );

  app.delete(
    '/likes/:id',
    {
      schema: {
        tags,
        summary: 'Delete a Like',
        description: 'Removes a like of the current user (the id is the like id).',
        params: IdParams,
        response: deleted,
      },
    },
    async (request) => unlike(db, request.user.id, request.params.id),
  );

  const alias = { tags, deprecated: true };

  app.post(
    '/posts/:post_id/likes',
    {
      schema: {
        ...alias,
        summary: 'Add a Like (deprecated alias)',
        description:
          'Older course path for POST /api/likes; the post id comes from the path and no body is needed.',
        params: PostIdParams,
        response: created,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await likeVisiblePost(db, request.user.id, request.params.post_id)),
  );

  app.delete(
    '/posts/:post_id/likes/:id',
    {
      schema: {
        ...alias,
        summary: 'Delete a Like (deprecated alias)',
        description:
          'Older course path for DELETE /api/likes/{id}; the like must belong to the post in the path.',
        params: PostLikeParams,
        response: deleted,
      },
    },
    async (request) => unlike(db, request.user.id, request.params.id, request.params.post_id),
  );

  app.post(
    '/posts/likes',
    {
      schema: {
        ...alias,
        summary: 'Add a Like (deprecated alias, body)',
        description: 'Older course path for POST /api/likes, with the same body.',
        body: PostIdBody,
        response: created,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await likeVisiblePost(db, request.user.id, request.body.post_id)),
  );

  app.delete(
    '/posts/likes/:id',
    {
      schema: {
        ...alias,
        summary: 'Delete a Like (deprecated alias, flat path)',
        description: 'Older course path for DELETE /api/likes/{id}.',
        params: IdParams,
        response: deleted,
      },
    },
    async (request) => unlike(db, request.user.id, request.params.id),
  );
};
