// /api/bookmarks (API.md §4): your own bookmarks; bookmark only a visible post.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Bookmark, IdParams, PostIdBody } from '../../../contract';
import { findTarget } from '../../db/insert-once';
import { insertOwnedLink } from '../../db/owned-links';
import { notFound } from '../../errors';
import { findVisiblePost } from '../../posts/visible-posts';
import { createdResponses, deletesOwn, deletedResponses, routesTagged } from '../../route-schema';
import {
  deleteOwnBookmark,
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
    async ({ user, body }, reply) => {
      const post = await findTarget('Post', body.post_id, (id) => findVisiblePost(db, user.id, id));
      const row = await insertOwnedLink(db, 'bookmarks', user.id, post, () =>
        insertBookmark(db, user.id, post.id),
      );
      const [bookmark] = await toBookmarks(db, user.id, [{ ...post.row, bookmark_id: row.id }]);
      // Only when another program deleted the post or its author meanwhile.
      if (!bookmark) throw notFound(post.missing);
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
    deletesOwn('Bookmark', db, deleteOwnBookmark),
  );
};
