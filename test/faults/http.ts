// One HTTP request to the server under test, through node:http so a test knows
// exactly when the request left (its last byte written: 'finish') and whether the
// answer arrived complete. Bounded: a request that gets no answer within the
// timeout is recorded as hung, never awaited forever.
import http from 'node:http';

export interface Outcome {
  method: string;
  path: string;
  /** performance.now() when the request was started, and when its last byte was written. */
  startedAt: number;
  writtenAt: number | null;
  endedAt: number;
  /** Null when no complete answer arrived (see error). */
  status: number | null;
  error: string | null;
  body: unknown;
}

export interface RequestOptions {
  method?: string;
  path: string;
  token?: string;
  body?: unknown;
  /** false: a fresh connection for this request alone. Default: a keep-alive agent per caller. */
  agent?: http.Agent | false;
  timeoutMs?: number;
}

/** A keep-alive agent with one connection: one caller's requests reuse it in turn. */
export const keepAliveAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

export function send(base: string, options: RequestOptions): Promise<Outcome> {
  const url = new URL(options.path, base);
  const method = options.method ?? 'GET';
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const startedAt = performance.now();
  return new Promise((resolve) => {
    let writtenAt: number | null = null;
    let settled = false;
    const finish = (status: number | null, error: string | null, body: unknown = null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        method,
        path: options.path,
        startedAt,
        writtenAt,
        endedAt: performance.now(),
        status,
        error,
        body,
      });
    };
    const request = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname + url.search,
        method,
        agent: options.agent,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => finish(null, `response: ${error.message}`));
        response.on('aborted', () => finish(null, 'response aborted'));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let body: unknown = text;
          if (String(response.headers['content-type']).startsWith('application/json')) {
            try {
              body = JSON.parse(text);
            } catch {
              return finish(null, `incomplete JSON body (${text.length} bytes)`);
            }
          }
          finish(response.statusCode ?? null, null, body);
        });
      },
    );
    const timer = setTimeout(() => {
      finish(null, `no answer within ${timeoutMs} ms`);
      request.destroy();
    }, timeoutMs);
    request.on('finish', () => (writtenAt = performance.now()));
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish(null, error.code ?? error.message),
    );
    request.end(payload);
  });
}

/** Logs in through POST /api/token and returns the access token. */
export async function logIn(
  base: string,
  username = 'webdev',
  password = 'password',
): Promise<string> {
  const outcome = await send(base, {
    method: 'POST',
    path: '/api/token',
    body: { username, password },
    agent: false,
    timeoutMs: 60_000,
  });
  const token = (outcome.body as { access_token?: unknown } | null)?.access_token;
  if (outcome.status !== 200 || typeof token !== 'string') {
    throw new Error(
      `Login failed: ${outcome.status} ${outcome.error ?? JSON.stringify(outcome.body)}`,
    );
  }
  return token;
}
