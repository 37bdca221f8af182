// Reads the server's OpenAPI document (/api/openapi.json) into the explorer's model.
// The explorer has no list of endpoints of its own: what the document says is what
// the page shows, so it cannot drift from the code (issue 6, item 2).
import { decodeLeniently } from './anchor';

export type JsonSchema = {
  $ref?: string;
  $id?: string;
  title?: string;
  type?: string | string[];
  description?: string;
  errorMessage?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
};

interface MediaType {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  deprecated?: boolean;
  security?: unknown[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: JsonSchema;
  }[];
  requestBody?: { required?: boolean; description?: string; content?: Record<string, MediaType> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}

export interface OpenApiDocument {
  openapi: string;
  info?: { title?: string; description?: string; version?: string };
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, Operation | unknown>>;
  components?: { schemas?: Record<string, JsonSchema> };
  security?: unknown[];
}

export interface Field {
  name: string;
  /** Where a parameter goes; body fields say 'body'. */
  in: 'path' | 'query' | 'header' | 'cookie' | 'body';
  type: string;
  required: boolean;
  description: string;
  /** The server's default, shown as the input's placeholder. */
  defaultValue?: string;
}

export interface ResponseInfo {
  status: string;
  description: string;
  type: string;
}

export interface Endpoint {
  /** Unique anchor, from the summary: "Get List of Posts" -> "get-list-of-posts". */
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  group: string;
  deprecated: boolean;
  /** False for the public routes (`security: []`), such as the token endpoints. */
  needsAuth: boolean;
  parameters: Field[];
  body: { required: boolean; fields: Field[]; example: unknown } | null;
  responses: ResponseInfo[];
}

export interface Group {
  name: string;
  description: string;
  endpoints: Endpoint[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  let current = schema ?? {};
  // Follow local references only; a cycle cannot loop more than the number of components.
  for (let hops = 0; current.$ref && hops < 50; hops++) {
    const name = decodeLeniently(current.$ref.split('/').pop() ?? '');
    current = doc.components?.schemas?.[name] ?? {};
  }
  return current;
}

/** A short type name: "Post[]", "integer | string", "Message", "object". */
export function describeType(doc: OpenApiDocument, schema: JsonSchema | undefined): string {
  if (!schema) return 'none';
  if (schema.$ref) {
    const resolved = resolveSchema(doc, schema);
    const refName = schema.$ref.split('/').pop() ?? 'object';
    return (
      resolved.title ??
      resolved.$id ??
      (/^def-\d+$/.test(refName) ? describeType(doc, resolved) : refName)
    );
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return [...new Set(union.map((part) => describeType(doc, part)))].join(' | ');
  if (schema.title ?? schema.$id) return (schema.title ?? schema.$id) as string;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('array')) {
    const item = describeType(doc, schema.items);
    const rest = types.filter((type) => type !== 'array');
    return [item.includes(' ') ? `(${item})[]` : `${item}[]`, ...rest].join(' | ');
  }
  if (types.length > 0) return types.join(' | ');
  if (schema.properties) return 'object';
  return 'any';
}

function describeField(schema: JsonSchema): string {
  const parts = [schema.description ?? schema.errorMessage ?? ''];
  if (schema.default !== undefined && !/default/i.test(parts[0] ?? ''))
    parts.push(`Default: ${JSON.stringify(schema.default)}.`);
  return parts.filter(Boolean).join(' ');
}

function bodyOf(doc: OpenApiDocument, operation: Operation): Endpoint['body'] {
  const media = operation.requestBody?.content?.['application/json'];
  if (!media) return null;
  const schema = resolveSchema(doc, media.schema);
  const required = new Set(schema.required ?? []);
  const fields: Field[] = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const resolved = resolveSchema(doc, property);
    return {
      name,
      in: 'body',
      type: describeType(doc, property),
      required: required.has(name),
      description: describeField(resolved),
    };
  });
  const named = media.examples ? Object.values(media.examples)[0]?.value : undefined;
  const example =
    named ??
    media.example ??
    schema.examples?.[0] ??
    schema.example ??
    synthesizeExample(doc, schema);
  return { required: operation.requestBody?.required ?? false, fields, example };
}

/** A body to start from when the document has no example: every field, typed placeholders. */
function synthesizeExample(doc: OpenApiDocument, schema: JsonSchema): unknown {
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const resolved = resolveSchema(doc, property);
    const type = describeType(doc, resolved);
    body[name] =
      resolved.examples?.[0] ??
      resolved.default ??
      (/integer|number/.test(type) ? 1 : `Example ${name.replaceAll('_', ' ')}`);
  }
  return body;
}

function responsesOf(doc: OpenApiDocument, operation: Operation): ResponseInfo[] {
  return Object.entries(operation.responses ?? {}).map(([status, response]) => {
    const media =
      response.content?.['application/json'] ?? Object.values(response.content ?? {})[0];
    // "Default Response" is @fastify/swagger's filler when a route gives no description: it says nothing.
    const description =
      response.description === 'Default Response' ? '' : (response.description ?? '');
    return { status, description, type: describeType(doc, media?.schema) };
  });
}

function withDefault(doc: OpenApiDocument, schema: JsonSchema | undefined, field: Field): Field {
  const fallback = resolveSchema(doc, schema).default;
  return fallback === undefined ? field : { ...field, defaultValue: String(fallback) };
}

/** Endpoints grouped by tag, groups in the document's tag order, endpoints in path order. */
export function readGroups(doc: OpenApiDocument): Group[] {
  const groups = new Map<string, Group>();
  for (const tag of doc.tags ?? [])
    groups.set(tag.name, { name: tag.name, description: tag.description ?? '', endpoints: [] });
  const usedIds = new Set<string>();
  const globallySecured = (doc.security ?? []).length > 0;

  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const summary = operation.summary ?? `${method.toUpperCase()} ${path}`;
      let id = slugify(summary);
      if (usedIds.has(id)) id = slugify(`${summary} ${method} ${path}`);
      usedIds.add(id);
      const groupName = operation.tags?.[0] ?? 'Other';
      if (!groups.has(groupName))
        groups.set(groupName, { name: groupName, description: '', endpoints: [] });
      groups.get(groupName)?.endpoints.push({
        id,
        method: method.toUpperCase(),
        path,
        summary,
        description: operation.description ?? '',
        group: groupName,
        deprecated: operation.deprecated === true,
        needsAuth: operation.security ? operation.security.length > 0 : globallySecured,
        parameters: (operation.parameters ?? []).map((parameter) =>
          withDefault(doc, parameter.schema, {
            name: parameter.name,
            in: parameter.in as Field['in'],
            type: describeType(doc, parameter.schema),
            required: parameter.required === true,
            description: describeField({
              ...resolveSchema(doc, parameter.schema),
              ...(parameter.description ? { description: parameter.description } : {}),
            }),
          }),
        ),
        body: bodyOf(doc, operation),
        responses: responsesOf(doc, operation),
      });
    }
  }
  return [...groups.values()].filter((group) => group.endpoints.length > 0);
}
