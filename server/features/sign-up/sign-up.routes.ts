// POST /api/users (API.md §9): public like POST /api/token. Answers the new User;
// it logs nobody in (a client then asks POST /api/token, as for any user). With
// REGISTRATION=closed the route is not registered at all: a 404 like any unknown path.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Message, NewAccount, User } from '../../../contract';
import { signUp, SIGN_UPS_PER_HOUR } from '../../auth/sign-up';
import { toUser } from '../../users/users.mapper';

export const signUpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (!app.config.registrationOpen) return;
  app.post(
    '/api/users',
    {
      config: { public: true },
      schema: {
        tags: ['Users'],
        summary: 'Sign Up',
        description:
          'Creates an account. Username: 3-30 letters, digits, _ or ., starting with a letter, unique ignoring case. ' +
          'Email: unique ignoring case. Password: 8-128 characters, not a common password, not the username or email. ' +
          `Every error is a 400 naming the field; at most ${SIGN_UPS_PER_HOUR} sign-ups per client address per hour (429). ` +
          '404 when registration is closed.',
        security: [],
        body: NewAccount,
        response: { 201: User, 400: Message, 404: Message, 429: Message, 503: Message },
      },
    },
    async (request, reply) => {
      const result = await signUp(app, request.body, request.ip);
      if (result.ok)
        return reply.code(201).header('Cache-Control', 'no-store').send(toUser(result.user));
      if (result.status !== 400) {
        return reply
          .code(result.status)
          .header('Retry-After', String(result.retryAfterSeconds))
          .send({ message: result.message });
      }
      const [first] = result.problems;
      return reply.code(400).send({
        message: first ? `Invalid field "${first.field}": ${first.problem}` : 'Invalid account.',
      });
    },
  );
};
