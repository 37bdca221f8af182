// Every operation of the OpenAPI document as a fast-check arbitrary of requests:
// path ids, query strings and JSON bodies shaped by the operation's own schemas,
// mixed with hostile values. Endpoints added later are picked up from the document.
import fc from 'fast-check';
import {
  anyJson,
  boundaryNumbers,
  hostileKeys,
  hostileText,
  imageUrls,
  integerSpellings,
  RawJson,
  smallId,
  toJsonText,
} from './hostile-values';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  items?: Schema;
};

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** OpenAPI path, e.g. /api/posts/{id} */
  path: string;
  pathParams: Array<{ name: string; schema: Schema }>;
  query: Array<{ name: string; schema: Schema }>;
  /** The JSON body schema, when the operation takes one. */
  body?: Schema;
  /** Another body type (multipart upload): sent JSON anyway, which must be refused. */
  otherBodyType?: string;
  /** Response schemas by status code. */
  responses: Record<string, Schema | undefined>;
}

type OpenApiOperation = {
  parameters?: Array<{ in: string; name: string; schema: Schema }>;
  requestBody?: { content?: Record<string, { schema: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema: Schema }> }>;
};

export function operationsOf(document: { paths: Record<string, Record<string, unknown>> }) {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      const op = raw as OpenApiOperation;
      const parameters = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const responses: Record<string, Schema | undefined> = {};
      for (const [status, response] of Object.entries(op.responses ?? {}))
        responses[status] = response.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        body: content['application/json']?.schema,
        otherBodyType: Object.keys(content).find((type) => type !== 'application/json'),
        responses,
      });
    }
  }
  return operations;
}

export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  /** Who sends it: a seeded user id, nobody, or a forged token. */
  as: number | 'nobody' | 'forged';
  contentType?: string;
  payload?: string;
}

/** encodeURIComponent throws on a lone surrogate; the raw-text rules are tested in bodies. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');

const typeOf = (schema: Schema) => (Array.isArray(schema.type) ? schema.type[0] : schema.type);

/** A value the schema accepts, near its bounds, or a hostile one. */
function valueFor(name: string, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => valueFor(name, s, depth)), anyJson);
  const type = typeOf(schema);
  if (type === 'integer' || type === 'number')
    return fc.oneof(smallId, boundaryNumbers, integerSpellings, smallId.map(String), anyJson);
  if (type === 'string') {
    const max = schema.maxLength ?? 64;
    const near = fc.constantFrom(0, 1, max - 1, max, max + 1).filter((n) => n >= 0);
    return fc.oneof(
      { weight: 3, arbitrary: name.endsWith('_url') ? imageUrls : fc.string({ maxLength: 30 }) },
      near.map((n) => 'a'.repeat(n)),
      hostileText,
      integerSpellings,
      anyJson,
    );
  }
  if (type === 'object' && depth < 3) return objectFor(schema, depth + 1);
  if (type === 'boolean') return fc.oneof(fc.boolean(), anyJson);
  return anyJson;
}

/** An object with some of the schema's properties and maybe hostile extra keys. */
function objectFor(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const props = Object.entries(schema.properties ?? {});
  const fields = props.map(([name, s]) =>
    fc.option(
      valueFor(name, s, depth).map((v) => [name, v] as const),
      { freq: 3 },
    ),
  );
  const extras = fc.array(fc.tuple(hostileKeys, anyJson), { maxLength: 2 });
  return fc
    .tuple(fc.tuple(...fields), extras)
    .map(([chosen, extra]) => Object.fromEntries([...chosen.filter((f) => f !== null), ...extra]));
}

/** A path segment: a seeded id, a boundary, or another spelling, percent-encoded or raw. */
const pathSegment = fc
  .oneof(
    { weight: 4, arbitrary: smallId.map(String) },
    fc.constantFrom('1', '2147483647', '2147483648', '0', '%', '%ZZ', '%00', '%2F', '%C0%AF', '..'),
    integerSpellings.map(encodeURIComponent),
    hostileText.map((s) => encodeURIComponent(wellFormed(s)).slice(0, 3000)),
    // An empty or dot segment addresses another route (/api/posts/ is the feed, and URL
    // parsing resolves /api/users/.. to /api/), so it says nothing about this one.
  )
  .filter((segment) => segment !== '' && !/^(?:\.|%2e){1,2}$/i.test(segment));

function queryFor(param: { name: string; schema: Schema }) {
  const { schema } = param;
  const type = typeOf(schema);
  const values =
    type === 'integer'
      ? fc.oneof(
          fc
            .integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 60, 60) })
            .map(String),
          fc.constantFrom(schema.minimum, schema.maximum).map((n) => String(n ?? 1)),
          fc.constantFrom(schema.minimum, schema.maximum).map((n) => String((n ?? 1) + 1)),
          integerSpellings,
        )
      : fc.oneof(
          fc.string({ maxLength: 10 }),
          hostileText.map((s) => s.slice(0, 2000)),
        );
  const encoded = fc.oneof(
    { weight: 4, arbitrary: values.map((v) => encodeURIComponent(wellFormed(v))) },
    fc.constantFrom('%', '%ZZ', '%00', ''),
  );
  return fc.option(
    encoded.map((v) => `${param.name}=${v}`),
    { freq: 2 },
  );
}

/** Requests for one operation: mostly well-formed around its schemas, often hostile. */
export function requestsFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const segments = fc.tuple(...op.pathParams.map(() => pathSegment));
  const queries = fc.tuple(
    fc.tuple(...op.query.map(queryFor)),
    fc.option(fc.constantFrom('junk=1', '__proto__=1', 'limit=5&limit=6', '&&', '=')),
  );
  const bodyValue = op.body ? objectFor(op.body, 1) : fc.constant(undefined);
  const body = fc.oneof(
    { weight: 6, arbitrary: bodyValue.map((v) => (v === undefined ? undefined : toJsonText(v))) },
    anyJson.map(toJsonText),
    fc.constantFrom(undefined, '', '{', '{"a":1,}', "{'a':1}", 'null', '[]', '\u0000'),
    fc.constant(
      toJsonText(new RawJson('{"__proto__":{"polluted":1},"constructor":{"prototype":{}}}')),
    ),
  );
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    fc.constantFrom(
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      undefined,
    ),
  );
  const as = fc.oneof(
    { weight: 8, arbitrary: fc.constant(1) },
    fc.constantFrom<FuzzRequest['as']>(2, 'nobody', 'forged'),
  );
  const trailingSlash = fc.boolean();
  return fc
    .record({ segments, queries, body, contentType, as, trailingSlash })
    .map(
      ({
        segments: values,
        queries: [params, extra],
        body: payload,
        contentType: type,
        as: who,
        trailingSlash: slash,
      }) => {
        let index = 0;
        let path = op.path.replace(/\{[^}]+\}/g, () => values[index++] ?? '1');
        if (slash) path += '/';
        const query = [...params.filter((p) => p !== null), ...(extra ? [extra] : [])].join('&');
        const hasBody = op.method !== 'GET' && payload !== undefined;
        return {
          method: op.method,
          url: query ? `${path}?${query}` : path,
          as: who,
          ...(hasBody ? { payload, ...(type ? { contentType: type } : {}) } : {}),
        };
      },
    );
}
