// STYLE.md "One request, one path", step 2: query strings and path params may be
// coerced ("5" -> 5), request bodies are not (true, null, 1.5 are not ids).
import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';

const shared: Options = {
  allErrors: false,
  useDefaults: true,
  verbose: true,
  strict: false,
};

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ ...shared, ...options });
  addFormats.default(ajv);
  return ajv;
}

export function registerValidators(app: FastifyInstance): void {
  const coercing = makeAjv({ coerceTypes: 'array', removeAdditional: true });
  const strictBody = makeAjv({ coerceTypes: false, removeAdditional: false });
  app.setValidatorCompiler<FastifySchema>(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strictBody : coercing;
    return ajv.compile(schema as object);
  });
}

const typeNames: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a JSON object',
  array: 'a list',
  null: 'null',
};

/**
 * One readable sentence for the first validation error: which field, and what it
 * must be. A schema may carry `errorMessage` to say it better than the keyword can.
 */
export function describeValidationError(errors: ErrorObject[], context: string): string {
  const custom = errors.find(
    (error) =>
      typeof (error.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage ===
      'string',
  );
  const error = custom ?? errors[0];
  if (!error) return `Invalid ${context}.`;
  const where =
    context === 'querystring' ? 'query parameter' : context === 'body' ? 'field' : context;
  const field = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const named = field
    ? `${where} "${field}"`
    : context === 'body'
      ? 'the request body'
      : `the ${context}`;
  const customMessage = (error.parentSchema as { errorMessage?: string } | undefined)?.errorMessage;
  if (customMessage) return field ? `Invalid ${named}: ${customMessage}` : customMessage;
  const params = error.params as Record<string, unknown>;
  if (!field && error.keyword === 'type' && context === 'body') {
    return 'The request body must be a JSON object (send Content-Type: application/json).';
  }
  switch (error.keyword) {
    case 'required':
      return `Missing ${where} "${[field, params.missingProperty].filter(Boolean).join('.')}".`;
    case 'type': {
      const types = String(params.type)
        .split(',')
        .map((t) => typeNames[t] ?? t);
      return `Invalid ${named}: must be ${types.join(' or ')}.`;
    }
    case 'minLength':
      return params.limit === 1
        ? `Invalid ${named}: must not be empty.`
        : `Invalid ${named}: must be at least ${String(params.limit)} characters long.`;
    case 'maxLength':
      return `Invalid ${named}: must be at most ${String(params.limit)} characters long.`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `Invalid ${named}: must be ${String(params.comparison)} ${String(params.limit)}.`;
    case 'additionalProperties':
      return `Unknown ${where} "${String(params.additionalProperty)}".`;
    default:
      return `Invalid ${named}: ${error.message ?? 'not allowed'}.`;
  }
}

const JSON_TYPE = /^application\/json\s*(?:;|$)/i;
const MULTIPART_TYPE = /^multipart\/form-data\s*;/i;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads a multipart/form-data body itself instead of JSON (POST /api/media). */
    multipart?: boolean;
  }
}

/**
 * API.md §4: request bodies are JSON; any other content type is a 415. An empty body
 * is fine whatever its Content-Type says (the course client sends application/json
 * with empty DELETE requests). Runs before parsing, so no other parser sees the body.
 */
export async function rejectNonJsonBody(request: FastifyRequest, reply: FastifyReply) {
  const length = request.headers['content-length'];
  const hasBody =
    length === undefined ? request.headers['transfer-encoding'] !== undefined : Number(length) > 0;
  const type = request.headers['content-type'] ?? '';
  if (request.routeOptions.config.multipart === true) {
    if (MULTIPART_TYPE.test(type)) return;
    return reply.code(415).send({
      message:
        'Unsupported Content-Type: send multipart/form-data with one file field named "file".',
    });
  }
  if (!hasBody || JSON_TYPE.test(type)) return;
  return reply
    .code(415)
    .send({ message: 'Unsupported Content-Type: send the body as application/json.' });
}
