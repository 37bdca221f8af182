// The one API client of the web client (and the API explorer). It sends the session
// cookies, adds X-CSRF-TOKEN from the csrf_access_token cookie on every write
// (API.md §5), and when the access token has expired it renews the session once with
// the refresh cookie (one shared in-flight renewal for all concurrent requests) and
// retries; when renewal fails the session is over and it goes to /login.
// Tokens never touch localStorage: the HttpOnly cookies carry them.
import { readCookie } from './cookies';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiClientOptions {
  fetch?: typeof fetch;
  /** Reads a JS-readable cookie (default: document.cookie). */
  getCookie?: (name: string) => string | undefined;
  /** Called once renewal has failed (default: go to /login). */
  onSessionExpired?: () => void;
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T>;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  /** Renews the session with the refresh cookie (for requests made outside this client, e.g. uploads). */
  renewSession(): Promise<boolean>;
}

const WRITE_METHODS = new Set<HttpMethod>(['POST', 'PATCH', 'PUT', 'DELETE']);
export const REFRESH_PATH = '/api/token/refresh';

/** The server's `{message}` error body, or a sentence naming the status. */
async function errorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
      return body.message;
    }
  } catch {
    // Not JSON: fall through to a generic message.
  }
  return `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const getCookie = options.getCookie ?? ((name: string) => readCookie(name));
  const onSessionExpired = options.onSessionExpired ?? (() => window.location.assign('/login'));
  let renewal: Promise<boolean> | null = null;

  /** One renewal at a time: concurrent 401s all wait for the same promise. */
  function renewSession(): Promise<boolean> {
    renewal ??= (async () => {
      try {
        const headers: Record<string, string> = {};
        const csrf = getCookie('csrf_refresh_token');
        if (csrf) headers['X-CSRF-TOKEN'] = csrf;
        const response = await doFetch(REFRESH_PATH, {
          method: 'POST',
          credentials: 'same-origin',
          headers,
        });
        return response.ok;
      } catch {
        return false;
      } finally {
        renewal = null;
      }
    })();
    return renewal;
  }

  function send(method: HttpMethod, path: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (WRITE_METHODS.has(method)) {
      // Read at send time: a renewal replaces the cookie.
      const csrf = getCookie('csrf_access_token');
      if (csrf) headers['X-CSRF-TOKEN'] = csrf;
    }
    return doFetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    let response = await send(method, path, body);
    if (response.status === 401) {
      if (!(await renewSession())) {
        onSessionExpired();
        throw new ApiError(401, 'Your session has ended. Please log in again.');
      }
      response = await send(method, path, body);
      if (response.status === 401) {
        onSessionExpired();
        throw new ApiError(401, 'Your session has ended. Please log in again.');
      }
    }
    if (!response.ok) throw new ApiError(response.status, await errorMessage(response));
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
    renewSession,
  };
}

/** The shared client used by every query and mutation in the browser. */
export const api = createApiClient();
