// Logging options. Development prints one readable line per request (method, path,
// status, time): Fastify's own two entries per request, each pretty-printed with its
// request and response objects, made about 15 lines a request and a log nobody could
// read. LOG_LEVEL=debug (or trace) brings the full entries back. Production keeps
// Fastify's JSON lines as they were, for log collectors.
import {
  LogController,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { Config } from '../config';

function logsOneLinePerRequest(config: Config): boolean {
  return (
    config.env === 'development' && ['info', 'warn', 'error', 'fatal'].includes(config.logLevel)
  );
}

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  if (config.env === 'development' && config.logLevel !== 'silent') {
    return {
      level: config.logLevel,
      transport: {
        target: 'pino-pretty',
        options: {
          translateTime: 'HH:MM:ss',
          // The request id is noise on a one-line log; debug shows it with everything else.
          ignore: logsOneLinePerRequest(config) ? 'pid,hostname,reqId' : 'pid,hostname',
        },
      },
    };
  }
  return { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] };
}

/** `GET /api/posts 200 4.2 ms` once the answer is sent (no query string), nothing on arrival. */
class OneLineLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const path = request.url.split('?')[0] ?? '';
    const line = `${request.method} ${path} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)} ms`;
    if (error) reply.log.error({ err: error }, line);
    else reply.log.info(line);
  }

  /** The completed line says 404 already. */
  override routeNotFound(): void {}
}

/** Fastify's own request log lines: one per request in development, as they were otherwise. */
export function logController(config: Config): LogController {
  return logsOneLinePerRequest(config) ? new OneLineLogController() : new LogController();
}
