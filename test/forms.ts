// The browser's side of the server-rendered forms (/login, /register): posting one,
// and the session cookies a successful one sets.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** The four cookies of a browser session (API.md §5), sorted by name. */
export const SESSION_COOKIES = [
  'access_token_cookie',
  'csrf_access_token',
  'csrf_refresh_token',
  'refresh_token_cookie',
];

/** POST `fields` to `url` as an HTML form does (application/x-www-form-urlencoded). */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  options: { headers?: Record<string, string>; remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
    payload: new URLSearchParams(fields).toString(),
    ...(options.remoteAddress === undefined ? {} : { remoteAddress: options.remoteAddress }),
  });
}
