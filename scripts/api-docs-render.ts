// Renders the OpenAPI document (GET /api/openapi.json) as docs/api.md: a reference
// for people calling the API from Postman, Python or curl. Pure: the same document
// always gives the same text, which is what lets a test catch a stale docs/api.md.

interface Schema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema: Schema;
}
interface Operation {
  summary: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}
export interface OpenApiDocument {
  info: { title: string; description?: string };
  tags: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, Operation>>;
}

/** What each status means here (the document itself says only "Default Response"). */
const STATUS_MEANING: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '400': 'The input is invalid; `message` names the field',
  '401': 'Missing, expired or invalid credentials',
  '403': 'Not allowed',
  '404': 'Not found, or not visible to the current user',
  '409': 'Conflicts with existing data; `message` says which',
  '413': 'The body is too large',
  '415': 'Unsupported content type',
  '429': 'Too many attempts; wait for the `Retry-After` header seconds',
  '503': 'Temporarily unavailable; retry after the `Retry-After` header seconds',
};

const anchor = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A short, readable type: "string (1-200 characters)", "array of [Post](#post)". */
export function describeType(schema: Schema): string {
  if (schema.title && schema.type === 'object')
    return `[${schema.title}](#${anchor(schema.title)})`;
  if (schema.anyOf) {
    const parts = schema.anyOf.map(describeType);
    return parts.join(' or ');
  }
  if (schema.type === 'array' && schema.items) return `array of ${describeType(schema.items)}`;
  const limits: string[] = [];
  if (schema.type === 'string' && (schema.minLength ?? schema.maxLength) !== undefined) {
    limits.push(`${schema.minLength ?? 0}-${schema.maxLength ?? '∞'} characters`);
  }
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    limits.push(`${schema.minimum ?? '-∞'}-${schema.maximum ?? '∞'}`);
  }
  if (schema.default !== undefined) limits.push(`default ${JSON.stringify(schema.default)}`);
  const base = schema.type ?? 'any';
  return limits.length > 0 ? `${base} (${limits.join(', ')})` : base;
}

function fieldTable(schema: Schema): string[] {
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(
    ([name, field]) =>
      `| \`${name}\` | ${describeType(field)} | ${required.has(name) ? 'yes' : 'no'} | ${cell(field.description ?? '')} |`,
  );
  return ['| Field | Type | Required | Notes |', '| --- | --- | --- | --- |', ...rows];
}

/** Every titled object schema the responses use (User, Post, ...), in order of first use. */
function collectResources(doc: OpenApiDocument): Map<string, Schema> {
  const found = new Map<string, Schema>();
  const visit = (schema: Schema | undefined): void => {
    if (!schema) return;
    if (schema.type === 'object' && schema.title && !found.has(schema.title)) {
      found.set(schema.title, schema);
    }
    Object.values(schema.properties ?? {}).forEach(visit);
    visit(schema.items);
    schema.anyOf?.forEach(visit);
  };
  for (const operations of Object.values(doc.paths)) {
    for (const operation of Object.values(operations)) {
      for (const response of Object.values(operation.responses)) {
        Object.values(response.content ?? {}).forEach((media) => visit(media.schema));
      }
    }
  }
  return found;
}

function renderOperation(method: string, path: string, operation: Operation): string[] {
  const lines = [`### ${operation.summary}`, '', `\`${method.toUpperCase()} ${path}\``, ''];
  if (operation.deprecated) {
    lines.push('**Deprecated**: kept for older clients; use the endpoint it aliases.', '');
  }
  if (operation.description) lines.push(operation.description, '');
  lines.push(
    operation.security?.length === 0
      ? 'Authentication: none.'
      : 'Authentication: a Bearer access token (or the login cookie).',
    '',
  );
  if (operation.parameters?.length) {
    lines.push('| Parameter | In | Type | Required | Notes |', '| --- | --- | --- | --- | --- |');
    for (const parameter of operation.parameters) {
      lines.push(
        `| \`${parameter.name}\` | ${parameter.in} | ${describeType(parameter.schema)} | ${parameter.required ? 'yes' : 'no'} | ${cell(parameter.description ?? '')} |`,
      );
    }
    lines.push('');
  }
  const body = operation.requestBody?.content['application/json'];
  if (body) {
    lines.push('JSON body:', '', ...fieldTable(body.schema), '');
    if (body.example !== undefined) {
      lines.push('Example:', '', '```json', JSON.stringify(body.example, null, 2), '```', '');
    }
  }
  lines.push('| Status | Meaning | Body |', '| --- | --- | --- |');
  for (const [status, response] of Object.entries(operation.responses)) {
    const meaning =
      response.description === 'Default Response'
        ? (STATUS_MEANING[status] ?? '')
        : response.description;
    const schema = response.content?.['application/json']?.schema;
    lines.push(`| ${status} | ${cell(meaning)} | ${schema ? describeType(schema) : ''} |`);
  }
  lines.push('');
  return lines;
}

/** The whole page; `intro` is the hand-written part above the generated reference. */
export function renderApiReference(doc: OpenApiDocument, intro: string): string {
  const byTag = new Map(doc.tags.map((tag) => [tag.name, [] as string[]]));
  const toc: string[] = [];
  for (const tag of doc.tags) {
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.tags?.includes(tag.name))
        .map(([method, operation]) => ({ method, path, operation })),
    );
    if (operations.length === 0) continue;
    toc.push(`- [${tag.name}](#${anchor(tag.name)})`);
    const section = byTag.get(tag.name) ?? [];
    section.push(`## ${tag.name}`, '', tag.description ?? '', '');
    for (const { method, path, operation } of operations) {
      toc.push(`  - [${operation.summary}](#${anchor(operation.summary)})`);
      section.push(...renderOperation(method, path, operation));
    }
  }
  const resources = [...collectResources(doc)].sort(([a], [b]) => a.localeCompare(b));
  toc.push('- [Resources](#resources)');
  const resourceLines = ['## Resources', '', 'The JSON objects the endpoints answer with.', ''];
  for (const [title, schema] of resources) {
    resourceLines.push(`### ${title}`, '');
    if (schema.description) resourceLines.push(schema.description, '');
    resourceLines.push(...fieldTable(schema), '');
  }
  return [
    `# ${doc.info.title}`,
    '',
    '<!-- Generated by `npm run docs:api` from GET /api/openapi.json: edit the route schemas',
    '     (contract/, server/features/) or scripts/api-docs-intro.md, never this file. -->',
    '',
    doc.info.description ?? '',
    '',
    intro.trim(),
    '',
    '## Contents',
    '',
    ...toc,
    '',
    ...[...byTag.values()].flat(),
    ...resourceLines,
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()
    .concat('\n');
}
