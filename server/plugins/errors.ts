// One error handler for the whole app (API.md §1 "Error body"): every error becomes
// {"message"} with the right status; 5xx details stay in the log, never in the answer.
// A database that is down or overloaded is a 503 with Retry-After (API.md §10),
// logged once when it goes away and once when it is back, not once per request.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseUnavailability, describeError } from '../db/availability';
import { describeValidationError } from './validation';

/** Seconds a client should wait before trying again while the database is away. */
const RETRY_AFTER_SECONDS = 5;

export function registerErrorHandlers(app: FastifyInstance): void {
  app.db.availability.onChange((change) => {
    if (change.available) {
      app.log.info(`Database is back after ${(change.downForMs / 1000).toFixed(1)} s.`);
    } else {
      app.log.error(`Database unavailable (${change.reason}): answering 503 until it is back.`);
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const unavailable = databaseUnavailability(error);
    if (unavailable !== null) {
      // 'down' was logged once by the listener above; 'busy' is worth one line each.
      if (unavailable === 'busy') request.log.warn(`Database busy: ${describeError(error)}`);
      return sendUnavailable(request, reply);
    }
    if (error.validation) {
      // API.md §4: an id segment that is not a positive integer is a 404, not a 400.
      if (error.validationContext === 'params') {
        return reply.code(404).send({
          message: `Nothing at ${request.url.split('?')[0]}: ids in the path are positive integers.`,
        });
      }
      return reply.code(400).send({
        message: describeValidationError(
          error.validation as never,
          error.validationContext ?? 'request',
        ),
      });
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply
        .code(status)
        .send({ message: 'Something went wrong on our side. Please try again.' });
    }
    return reply.code(status).send({ message: clientMessage(error, status) });
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .send({ message: `No endpoint ${request.method} ${request.url.split('?')[0]}.` });
  });
}

function sendUnavailable(request: FastifyRequest, reply: FastifyReply) {
  reply
    .code(503)
    .header('Retry-After', String(RETRY_AFTER_SECONDS))
    .header('Cache-Control', 'no-store');
  if (request.url.startsWith('/api')) {
    return reply.send({
      message: 'The database is unavailable right now. Please try again in a few seconds.',
    });
  }
  return reply.type('text/html; charset=utf-8').send(UNAVAILABLE_PAGE);
}

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable - Photo App</title></head>
<body><main><h1>Temporarily unavailable</h1>
<p>Photo App cannot reach its database right now. Please try again in a few seconds.</p></main></body>
</html>
`;

/** Fastify's own 4xx texts, rephrased to say what to fix. */
function clientMessage(error: FastifyError, status: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported Content-Type: send the body as application/json.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    default:
      if (error.code?.startsWith('FST_') && status === 400) return 'Bad request.';
      return error.message;
  }
}
