import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { describeError } from '../../db/availability';

const Health = Type.Object({
  status: Type.String(),
  database: Type.String(),
  /** Why the database does not answer (503 only). */
  reason: Type.Optional(Type.String()),
});

/**
 * GET /healthz: 200 when the database answers, 503 with the reason otherwise (for
 * load balancers). Bounded: a database that does not answer within the connect
 * timeout counts as down, so a health check never hangs (API.md §10).
 */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: { hide: true, response: { 200: Health, 503: Health } },
    },
    async (_request, reply) => {
      const reason = await checkDatabase(app.db, app.config.databaseTimeouts.connectMs);
      reply.header('Cache-Control', 'no-store');
      if (reason === null) return reply.code(200).send({ status: 'ok', database: app.db.dialect });
      return reply.code(503).send({ status: 'unavailable', database: app.db.dialect, reason });
    },
  );
};

/** Null when the database answered a trivial statement within `timeoutMs`, else why not. */
async function checkDatabase(
  db: { ping(): Promise<boolean> },
  timeoutMs: number,
): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  const answered = db.ping().then(
    (ok) => (ok ? null : 'the test statement returned no row'),
    (error: unknown) => describeError(error),
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
