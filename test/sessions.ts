// Test helpers for sessions (API.md §5): real logins through the app, so the tokens
// carry a session like a user's do.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** werkzeug scrypt hash of "password" at OWASP strength (see auth/passwords.test.ts). */
export const PASSWORD_HASH =
  'scrypt:131072:8:1$Zq3RkT8wPb2Ld5Xy$be8c9cd3e434e6380abf8467e9941c2c4d58bbb4a0886cfc7fa84c274e0be9665dc44c2dda067f2269b2096f6ab0eae85b92a77c2fa305a7ddce076632085005';

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
