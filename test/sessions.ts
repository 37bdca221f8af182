// Test helpers for sessions (API.md §5): real logins through the app, so the tokens
// carry a session like a user's do.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * werkzeug scrypt hash of "password" at the tests' cost (N=2^12, PASSWORD_HASH_COST in
 * test/helpers.ts), so tests that are not about hashing stay fast; auth/passwords.test.ts
 * and the rehash test in features/tokens check OWASP strength (N=2^17).
 */
export const PASSWORD_HASH =
  'scrypt:4096:8:1$Zq3RkT8wPb2Ld5Xy$301638ddd13ce9a3c3c69be6be6b478c56dba8f123cbb7fc585296085ff0747325bce4b65df5607010eab44bdd5b2d55eecc58f8de1b85cfe3d3a9c7f45ca638';

/** POST /api/token as an API client would. */
export async function apiLogin(
  app: FastifyInstance,
  username: string,
  options: { password?: string; ip?: string; cookie?: string } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/token',
    remoteAddress: options.ip ?? '127.0.0.1',
    headers: options.cookie ? { cookie: options.cookie } : {},
    payload: { username, password: options.password ?? 'password' },
  });
}

/** The Cookie header a browser would send back after this response. */
export function cookieHeaderOf(response: LightMyRequestResponse): string {
  return response.cookies
    .filter((c) => c.value !== '')
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}

/** POST /login as a browser would: the cookies it then holds, and their CSRF values. */
export async function browserLogin(app: FastifyInstance, username: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/login',
    payload: new URLSearchParams({ username, password: 'password' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (response.statusCode !== 302) throw new Error(`login failed: ${response.statusCode}`);
  const value = (name: string) => response.cookies.find((c) => c.name === name)?.value ?? '';
  return {
    cookie: cookieHeaderOf(response),
    csrf: value('csrf_access_token'),
    refreshCsrf: value('csrf_refresh_token'),
    value,
  };
}
