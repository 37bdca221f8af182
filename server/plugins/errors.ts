// One error handler for the whole app (API.md §1 "Error body"): every error becomes
// {"message"} with the right status; 5xx details stay in the log, never in the answer.
import type { FastifyError, FastifyInstance } from 'fastify';
import { describeValidationError } from './validation';

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
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
