// STYLE.md "One request, one path", step 2: query strings and path params may be
// coerced ("5" -> 5), request bodies are not (true, null, 1.5 are not ids). API.md §4:
// an integer in a URL is spelled in plain digits only, checked here on the raw text
// because Ajv's coercion would read "0x35", "5.3e1", "+53" and " 53" as 53.
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import {
  IMAGE_URL_PATTERN,
  STORABLE_TEXT_PATTERN,
  URL_INTEGER_PATTERN,
  isUrlInteger,
} from '../../contract/inputs';

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
    if (httpPart === 'body') return strictBody.compile(schema as object);
    const validate = coercing.compile(schema as object);
    const integers = integerProperties(schema);
    return integers.length === 0 ? validate : checkUrlIntegersFirst(validate, integers);
  });
}

type PropertySchema = { type?: unknown; errorMessage?: unknown };

/** The properties of a params or querystring schema declared as integers. */
function integerProperties(schema: unknown): Array<[name: string, schema: PropertySchema]> {
  const properties = (schema as { properties?: Record<string, PropertySchema> }).properties ?? {};
  return Object.entries(properties).filter(([, property]) => property.type === 'integer');
}

/**
 * Refuses an integer whose raw text is not plain digits before Ajv coerces it; the
 * range is then Ajv's (minimum/maximum of the schema). A repeated query parameter
 * arrives as an array, which Ajv refuses as it is.
 */
function checkUrlIntegersFirst(
  validate: ValidateFunction,
  integers: Array<[string, PropertySchema]>,
): ValidateFunction {
  const wrapped = ((data: unknown, context?: never) => {
    const values = (data ?? {}) as Record<string, unknown>;
    for (const [name, property] of integers) {
      const raw = values[name];
      if (typeof raw === 'string' && !isUrlInteger(raw)) {
        wrapped.errors = [
          {
            instancePath: `/${name}`,
            schemaPath: `#/properties/${name}/type`,
            keyword: 'pattern',
            params: { pattern: URL_INTEGER_PATTERN },
            message: 'must be plain decimal digits',
            parentSchema: property,
            data: raw,
          } as ErrorObject,
        ];
        return false;
      }
    }
    const valid = validate(data, context);
    wrapped.errors = validate.errors;
    return valid;
  }) as ValidateFunction;
  // Fastify passes the parent object (needed to replace a coerced root) only to
  // functions that carry Ajv's schemaEnv.
  Object.assign(wrapped, { schema: validate.schema, schemaEnv: validate.schemaEnv });
  return wrapped;
}

/** What the grammar patterns of contract/inputs.ts mean, in words. */
const patternMeanings: Record<string, string> = {
  [URL_INTEGER_PATTERN]: 'must be an integer written in plain digits.',
  [STORABLE_TEXT_PATTERN]:
    'must not contain NUL characters (U+0000) or unpaired UTF-16 surrogates.',
  [IMAGE_URL_PATTERN]:
    'must be an http:// or https:// URL with a host, or a path on this server starting with one /, without spaces or control characters.',
};

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
    case 'pattern': {
      const meaning = patternMeanings[String(params.pattern)];
      if (meaning) return `Invalid ${named}: ${meaning}`;
      return `Invalid ${named}: ${error.message ?? 'not allowed'}.`;
    }
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
