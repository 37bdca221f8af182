// GET /api/sessions, DELETE /api/sessions/<id>, DELETE /api/sessions (API.md §9): the
// current user's logins, and ending them. Ending a session stops its refresh token
// and its access tokens at once (auth/sessions.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Message, SessionInfo, SessionParams } from '../../../contract';
import { endOtherSessions, endOwnSession, listSessions } from '../../auth/sessions';
import { notFound } from '../../errors';

const tags = ['Sessions'];

export const sessionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/sessions',
    {
      schema: {
        tags,
        summary: 'List Sessions',
        description:
          'Every login of the current user that has not ended, newest first; `current` marks the one this request belongs to (none for a token minted without a session, e.g. by a Flask app).',
        response: { 200: Type.Array(SessionInfo) },
      },
    },
    async (request) => {
      const current = request.authentication.claims.sid;
      const sessions = await listSessions(app.db.kysely, request.user.id);
      return sessions.map((session) => ({ ...session, current: session.id === current }));
    },
  );

  app.delete(
    '/sessions/:id',
    {
      schema: {
        tags,
        summary: 'End Session',
        description:
          'Logs one of your sessions out (another device, or this one): its tokens stop working at once.',
        params: SessionParams,
        response: { 200: Message, 404: Message },
      },
    },
    async (request) => {
      if (!(await endOwnSession(app.db.kysely, request.user.id, request.params.id))) {
        throw notFound('You have no session with this id.');
      }
      return { message: 'The session has ended.' };
    },
  );

  app.delete(
    '/sessions',
    {
      schema: {
        tags,
        summary: 'End Other Sessions',
        description: 'Logs out every session of the current user except the current one.',
        response: { 200: Message },
      },
    },
    async (request) => {
      const ended = await endOtherSessions(
        app.db.kysely,
        request.user.id,
        request.authentication.claims.sid,
      );
      return { message: `${ended} other session${ended === 1 ? '' : 's'} ended.` };
    },
  );
};
