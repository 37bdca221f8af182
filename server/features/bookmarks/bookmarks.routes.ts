// /api/bookmarks (API.md §4): your own bookmarks; bookmark only a visible post.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Bookmark, IdParams, PostIdBody, rowIdOf } from '../../../contract';
import { insertOnce } from '../../db/insert-once';
import { notFound } from '../../errors';
import { findVisiblePost } from '../../posts/visible-posts';
import {
  createdResponses,
  deletedMessage,
  deletedResponses,
  routesTagged,
} from '../../route-schema';
import {
  deleteOwnBookmark,
  findOwnBookmarkOfPost,
  insertBookmark,
  listOwnBookmarks,
  toBookmarks,
} from './bookmarks.queries';

const route = routesTagged('Bookmarks');

export const bookmarksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db.kysely;

  app.get(
    '/bookmarks',
    route(
      'Get Bookmarks',
      "The current user's bookmarks, oldest first, each with its post (without comments).",
      { response: { 200: Type.Array(Bookmark) } },
    ),
    async (request) => listOwnBookmarks(db, request.user.id),
  );

  app.post(
    '/bookmarks',
    route('Add Bookmark', 'Bookmarks a post by the current user or by someone they follow.', {
      body: PostIdBody,
      response: createdResponses(Bookmark),
    }),
    async (request, reply) => {
      const userId = request.user.id;
      // API.md §4: an id outside 1–2147483647 names no post, and never reaches SQL.
      const postId = rowIdOf(request.body.post_id);
      const missing = `Post ${request.body.post_id} not found.`;
      if (postId === null) throw notFound(missing);
      const post = await findVisiblePost(db, userId, postId);
      if (!post) throw notFound(missing);
      const row = await insertOnce({
        findExisting: () => findOwnBookmarkOfPost(db, userId, postId),
        insert: () => insertBookmark(db, userId, postId),
        duplicate: `You already bookmarked post ${postId}.`,
        missing,
      });
      const [bookmark] = await toBookmarks(db, userId, [{ ...post, bookmark_id: row.id }]);
      if (!bookmark) throw notFound(missing);
      return reply.code(201).send(bookmark);
    },
  );

  app.delete(
    '/bookmarks/:id',
    route(
      'Delete Bookmark',
      'Removes a bookmark of the current user (the id is the bookmark id).',
      { params: IdParams, response: deletedResponses },
    ),
    async ({ user, params: { id } }) =>
      deletedMessage('Bookmark', id, await deleteOwnBookmark(db, user.id, id)),
  );
};
