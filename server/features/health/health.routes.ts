import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const Health = Type.Object({ status: Type.String(), database: Type.String() });

/** GET /healthz: 200 when the database answers, 503 otherwise (for load balancers). */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: { hide: true, response: { 200: Health, 503: Health } },
    },
    async (_request, reply) => {
      const ok = await app.db.ping().catch(() => false);
      reply.header('Cache-Control', 'no-store');
      return reply
        .code(ok ? 200 : 503)
        .send({ status: ok ? 'ok' : 'unavailable', database: app.db.dialect });
    },
  );
};
