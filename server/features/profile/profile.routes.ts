// GET /api/profile (API.md §4): the current user, loaded by the auth hook for this
// request. PATCH /api/profile (API.md §9): names, email and avatar; never the username.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Message, ProfileChanges, User } from '../../../contract';
import { badRequest, unauthorized } from '../../errors';
import {
  EMAIL_TAKEN,
  isEmailTaken,
  updateProfile,
  withAccountNamesLocked,
} from '../../users/accounts';
import { toUser } from '../../users/users.mapper';

export const profileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/profile',
    {
      schema: {
        tags: ['Profile'],
        summary: 'Get Profile',
        description: 'The current user.',
        response: { 200: User },
      },
    },
    async (request) => toUser(request.user),
  );

  app.patch(
    '/profile',
    {
      schema: {
        tags: ['Profile'],
        summary: 'Update Profile',
        description:
          'Changes any of first_name, last_name, email (not used by another account, ignoring case), ' +
          'image_url and thumb_url (null removes the picture). The username never changes.',
        body: ProfileChanges,
        response: { 200: User, 400: Message },
      },
    },
    async (request) => {
      const { first_name, last_name, ...rest } = request.body;
      const changes = {
        ...rest,
        ...(first_name !== undefined && { first_name: first_name.trim() }),
        ...(last_name !== undefined && { last_name: last_name.trim() }),
      };
      const userId = request.user.id;
      const user = await withAccountNamesLocked(app.db, async (trx) => {
        if (changes.email !== undefined && (await isEmailTaken(trx, changes.email, userId))) {
          throw badRequest(`Invalid field "email": ${EMAIL_TAKEN}`);
        }
        return updateProfile(trx, userId, changes);
      });
      if (!user) throw unauthorized('The user of this token no longer exists.');
      return toUser(user);
    },
  );
};
