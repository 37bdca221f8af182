// /api/users (API.md §9): search, profiles and one user's posts. Disabled users are
// absent everywhere; a user outside the viewer's network shows a profile but no posts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Message,
  Post,
  Profile,
  User,
  UserPostsQuery,
  UserRefParams,
  UserSearchQuery,
  rowIdOf,
} from '../../../contract';
import { isUrlInteger } from '../../../contract/inputs';
import { PAGE_LIMIT } from '../../../contract/limits';
import { badRequest, notFound } from '../../errors';
import { assemblePosts } from '../../posts/assemble-posts';
import { toUser } from '../../users/users.mapper';
import { findPostsOwner, findProfile, listUserPosts, searchUsers } from './users.queries';

const tags = ['Users'];

/** An all-digit segment is an id (plain digits in range, else it names nobody); anything else a username. */
function parseUserRef(segment: string): { id: number } | { username: string } | null {
  if (!/^[0-9]+$/.test(segment)) return { username: segment };
  const id = isUrlInteger(segment) ? rowIdOf(segment) : null;
  return id === null ? null : { id };
}

const userNotFound = (segment: string) => notFound(`User ${segment} not found.`);

export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db.kysely;
  const dialect = app.db.dialect;

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Search Users',
        description:
          'Users whose username, first name or last name starts with `search` (ignoring case), ordered by username. Disabled users never appear.',
        querystring: UserSearchQuery,
        response: { 200: Type.Array(User), 400: Message },
      },
    },
    async (request) => {
      const { search, limit = PAGE_LIMIT.default } = request.query;
      const users = await searchUsers(db, dialect, search, limit);
      return users.map(toUser);
    },
  );

  app.get(
    '/users/:user',
    {
      schema: {
        tags,
        summary: 'Get User Profile',
        description:
          'A user (by username, or by id when the segment is all digits) with their post, follower and following counts; `following_id` only when the current user follows them.',
        params: UserRefParams,
        response: { 200: Profile, 404: Message },
      },
    },
    async (request) => {
      const ref = parseUserRef(request.params.user);
      const row = ref && (await findProfile(db, request.user.id, ref));
      if (!row) throw userNotFound(request.params.user);
      return {
        ...toUser(row),
        posts_count: Number(row.posts_count),
        followers_count: Number(row.followers_count),
        following_count: Number(row.following_count),
        ...(row.following_id === null ? {} : { following_id: row.following_id }),
      };
    },
  );

  app.get(
    '/users/:user/posts',
    {
      schema: {
        tags,
        summary: "Get User's Posts",
        description:
          "A user's posts, newest first, when they are the current user or someone the current user follows (otherwise 404); pass `before` (the id of the last post you have) for the next page.",
        params: UserRefParams,
        querystring: UserPostsQuery,
        response: { 200: Type.Array(Post), 400: Message, 404: Message },
      },
    },
    async (request) => {
      const viewerId = request.user.id;
      const { limit = PAGE_LIMIT.default, before } = request.query;
      const ref = parseUserRef(request.params.user);
      const owner = ref && (await findPostsOwner(db, viewerId, ref, before));
      // Outside the network is answered like absent (API.md §1, §4).
      if (!owner || !owner.in_network) throw userNotFound(request.params.user);
      if (before !== undefined && !owner.cursor_found) {
        throw badRequest(
          `Invalid query parameter "before": post ${before} is not one of this user's posts; use the id of the last post of the previous page.`,
        );
      }
      const rows = await listUserPosts(db, viewerId, owner.id, limit, before);
      return assemblePosts(db, viewerId, rows, { comments: true });
    },
  );
};
