// Ready-to-paste requests for external clients (issue 6, item 4). They authenticate
// the way the course teaches outside the browser: `Authorization: Bearer <token>`,
// which needs no CSRF header (API.md §5).

export interface SnippetRequest {
  origin: string;
  method: string;
  /** Path with the query string, e.g. /api/posts?limit=5. */
  url: string;
  /** JSON text, or '' for no body. */
  body: string;
  /** False for the token endpoints, which take no token. */
  needsAuth: boolean;
  token: string | null;
}

export const TOKEN_PLACEHOLDER = '<ACCESS_TOKEN>';

/** A POSIX shell single-quoted string. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'"'"'`)}'`;
}

function compactBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return body;
  }
}

export function curlSnippet(request: SnippetRequest): string {
  const lines = [`curl -X ${request.method} ${shellQuote(request.origin + request.url)}`];
  if (request.needsAuth)
    lines.push(`  -H ${shellQuote(`Authorization: Bearer ${request.token ?? TOKEN_PLACEHOLDER}`)}`);
  if (request.body) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d ${shellQuote(compactBody(request.body))}`);
  }
  return lines.join(' \\\n');
}

/** Python literal for a JSON value (True/False/None instead of true/false/null). */
function toPython(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + toPython(item, inner)).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${toPython(item, inner)}`).join(',\n')},\n${indent}}`;
}

export function pythonSnippet(request: SnippetRequest): string {
  const lines = ['import requests', ''];
  lines.push(`url = ${JSON.stringify(request.origin + request.url)}`);
  if (request.needsAuth)
    lines.push(
      `headers = {"Authorization": "Bearer " + ${JSON.stringify(request.token ?? TOKEN_PLACEHOLDER)}}`,
    );
  let json: unknown;
  let hasJson = false;
  if (request.body) {
    try {
      json = JSON.parse(request.body);
      hasJson = true;
      lines.push(`body = ${toPython(json)}`);
    } catch {
      lines.push(`data = ${JSON.stringify(request.body)}`);
    }
  }
  const args = ['url'];
  if (request.needsAuth) args.push('headers=headers');
  if (request.body) args.push(hasJson ? 'json=body' : 'data=data');
  lines.push(
    '',
    `response = requests.request(${JSON.stringify(request.method)}, ${args.join(', ')})`,
  );
  lines.push('print(response.status_code)', 'print(response.json())');
  return lines.join('\n');
}

export function fetchSnippet(request: SnippetRequest): string {
  const headers: string[] = [];
  if (request.needsAuth)
    headers.push(
      `    Authorization: ${JSON.stringify(`Bearer ${request.token ?? TOKEN_PLACEHOLDER}`)},`,
    );
  if (request.body) headers.push(`    'Content-Type': 'application/json',`);
  const options = [`  method: ${JSON.stringify(request.method)},`];
  if (headers.length > 0) options.push('  headers: {', ...headers, '  },');
  if (request.body) {
    let valid = true;
    try {
      JSON.parse(request.body);
    } catch {
      valid = false;
    }
    // A valid body is shown as an object literal, the easiest form to edit; anything else as the text sent.
    const literal = valid
      ? `JSON.stringify(${request.body.split('\n').join('\n  ')})`
      : JSON.stringify(request.body);
    options.push(`  body: ${literal},`);
  }
  return [
    `const response = await fetch(${JSON.stringify(request.origin + request.url)}, {`,
    ...options,
    '});',
    'console.log(response.status, await response.json());',
  ].join('\n');
}
