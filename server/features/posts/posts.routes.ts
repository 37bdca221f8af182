// /api/posts (API.md §4). Hidden, absent and not-owned posts are one 404.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { FeedQuery, IdParams, Message, NewPost, Post, PostChanges } from '../../../contract';
import type { Executor } from '../../db/executor';
import type { PostRow } from '../../db/schema';
import { badRequest, notFound } from '../../errors';
import { assemblePosts } from '../../posts/assemble-posts';
import { findVisiblePost, findVisiblePostWithDetails } from '../../posts/visible-posts';
import { deletedResponses, deletesOwn, routesTagged } from '../../route-schema';
import { deleteOwnPost, insertPost, listFeed, updateOwnPost } from './posts.queries';

const route = routesTagged('Posts');
const postNotFound = (id: number) => notFound(`Post ${id} not found.`);

/** One post in its full shape, as the viewer sees it. */
async function renderPost(db: Executor, viewerId: number, postId: number): Promise<Post> {
  const row = await findVisiblePostWithDetails(db, viewerId, postId);
  if (!row) throw postNotFound(postId);
  return assembleOne(db, viewerId, row);
}

async function assembleOne(db: Executor, viewerId: number, row: PostRow): Promise<Post> {
  const [post] = await assemblePosts(db, viewerId, [row], { comments: true });
  // Only when another program deleted the author meanwhile.
  if (!post) throw postNotFound(row.id);
  return post;
}

export const postsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db.kysely;

  app.get(
    '/posts',
    route(
      'Get List of Posts',
      'Posts by the current user and the users they follow, newest first; pass `before` (the id of the last post you have) for the next page.',
      { querystring: FeedQuery, response: { 200: Type.Array(Post), 400: Message } },
    ),
    async (request) => {
      const viewerId = request.user.id;
      const { limit = 20, before } = request.query;
      let cursor;
      if (before !== undefined) {
        cursor = await findVisiblePost(db, viewerId, before);
        if (!cursor) {
          throw badRequest(
            `Invalid query parameter "before": post ${before} is not in your feed; use the id of the last post of the previous page.`,
          );
        }
      }
      const rows = await listFeed(db, viewerId, limit, cursor);
      return assemblePosts(db, viewerId, rows, { comments: true });
    },
  );

  app.post(
    '/posts',
    route('Create Post', 'Creates a post owned by the current user.', {
      body: NewPost,
      response: { 201: Post, 400: Message },
    }),
    async (request, reply) => {
      const row = await insertPost(db, request.user.id, request.body);
      return reply.code(201).send(await assembleOne(db, request.user.id, row));
    },
  );

  app.get(
    '/posts/:id',
    route('Get Post', 'One post by the current user or by someone they follow.', {
      params: IdParams,
      response: { 200: Post, 404: Message },
    }),
    async (request) => renderPost(db, request.user.id, request.params.id),
  );

  app.patch(
    '/posts/:id',
    route(
      'Update Post',
      'Changes only the fields sent (image_url, caption, alt_text) of a post the current user owns.',
      { params: IdParams, body: PostChanges, response: { 200: Post, 400: Message, 404: Message } },
    ),
    async (request) => {
      const { id } = request.params;
      const row = await updateOwnPost(db, request.user.id, id, request.body ?? {});
      if (!row) throw postNotFound(id);
      return assembleOne(db, request.user.id, row);
    },
  );

  app.delete(
    '/posts/:id',
    route(
      'Delete Post',
      'Deletes a post the current user owns, with its comments, likes and bookmarks.',
      { params: IdParams, response: deletedResponses },
    ),
    deletesOwn('Post', db, deleteOwnPost),
  );
};
