// The explorer's Send button: one request from the browser with the session cookie
// and, for writes, the X-CSRF-TOKEN header (API.md §5). It returns the raw answer,
// 4xx and 5xx included, because showing that answer is the point of the page.
import { api } from '../lib/api';
import { readCookie } from '../lib/cookies';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reason phrases for when the browser reports none (HTTP/2 has no status text). */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface RawAnswer {
  status: number;
  statusLine: string;
  /** Pretty-printed JSON, or the text as it came when it is not JSON. */
  text: string;
  json: unknown;
}

/** Fills `{name}` placeholders of an OpenAPI path and appends the non-empty query values. */
export function buildUrl(
  path: string,
  params: Record<string, string>,
  queryNames: string[],
): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  const query = new URLSearchParams();
  for (const name of queryNames) {
    const value = params[name]?.trim();
    if (value) query.set(name, value);
  }
  const search = query.toString();
  return search ? `${filled}?${search}` : filled;
}

export async function sendRaw(method: string, url: string, body?: string): Promise<RawAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const csrf = readCookie('csrf_access_token');
  if (UNSAFE.has(method) && csrf) headers['X-CSRF-TOKEN'] = csrf;
  const response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  const text = await response.text();
  let json: unknown = undefined;
  let pretty = text;
  try {
    json = text ? JSON.parse(text) : undefined;
    if (json !== undefined) pretty = JSON.stringify(json, null, 2);
  } catch {
    // Not JSON (e.g. a proxy error page): show it as it came.
  }
  const reason = response.statusText || REASONS[response.status] || '';
  return {
    status: response.status,
    statusLine: `${response.status} ${reason}`.trim(),
    text: pretty,
    json,
  };
}

/**
 * sendRaw, but an expired session does not end up as the answer: the access cookie
 * lives 15 minutes (API.md §5), so on a 401 the shared client renews the session
 * once (or goes to /login when it cannot) and the request is sent again.
 */
export async function sendAsUser(
  method: string,
  url: string,
  body: string | undefined,
  needsAuth: boolean,
): Promise<RawAnswer> {
  const first = await sendRaw(method, url, body);
  if (first.status !== 401 || !needsAuth) return first;
  await api.get('/api/profile');
  return sendRaw(method, url, body);
}
