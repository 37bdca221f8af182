// POST /api/profile/password (API.md §9): the current password (a wrong one is a 400
// and counts as a failed login in the limiter), then the new one, which must pass the
// sign-up rules. Every other session ends; password_plaintext becomes NULL.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Message, PasswordChange } from '../../../contract';
import { withLoginAttempt } from '../../auth/credentials';
import { checkNewPassword } from '../../auth/password-rules';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { badRequest } from '../../errors';
import { changePassword, findPasswordHash } from './password.queries';

export const passwordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/profile/password',
    {
      schema: {
        tags: ['Profile'],
        summary: 'Change Password',
        description:
          'Needs the current password (a wrong one counts as a failed login: 429 after too many). The new one: 8-128 characters, not among the 10,000 most common passwords, not the username or email. Every other session of the account is logged out.',
        body: PasswordChange,
        response: { 200: Message, 400: Message, 429: Message, 503: Message },
      },
    },
    async (request, reply) => {
      const user = request.user;
      const { current_password, new_password } = request.body;
      const problem = checkNewPassword(new_password, user);
      if (problem !== null) throw badRequest(`new_password ${problem}`);

      const stored = await findPasswordHash(app.db.kysely, user.id);
      const result = await withLoginAttempt(app, request, user.username, async () => {
        const check = await verifyPassword(current_password, stored ?? '');
        // Hashed in the same attempt, so a full hash pool refuses the change as a whole.
        return check.ok
          ? { ok: true as const, hash: await hashPassword(new_password) }
          : { ok: false as const };
      });
      if (!result.ok && 'reason' in result) {
        return reply
          .code(result.reason === 'blocked' ? 429 : 503)
          .header('Retry-After', String(result.retryAfterSeconds))
          .send({ message: result.message });
      }
      if (!result.ok) throw badRequest('current_password is not your current password.');

      await changePassword(app.db.kysely, user.id, result.hash, request.authentication.claims.sid);
      return {
        message: 'Your password has been changed. Your other sessions have been logged out.',
      };
    },
  );
};
