// Hand-made JWTs for the auth tests, with node:crypto only (independent of
// fast-jwt), in exactly the shape flask-jwt-extended 4.x writes them: header
// {"alg":"HS256","typ":"JWT"} and claims fresh, iat, jti, type, sub, nbf, csrf, exp.
import { createHmac, randomUUID } from 'node:crypto';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  secret: string,
  algorithm = 'sha256',
): string {
  const body = `${encode(header)}.${encode(claims)}`;
  return `${body}.${createHmac(algorithm, secret).update(body).digest('base64url')}`;
}

/** Claims as flask-jwt-extended's create_access_token / create_refresh_token set them. */
export function flaskClaims(
  type: 'access' | 'refresh',
  sub: string | number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    fresh: false,
    iat: now,
    jti: randomUUID(),
    type,
    sub,
    nbf: now,
    csrf: randomUUID(),
    exp: now + (type === 'access' ? 900 : 30 * 86_400),
    ...overrides,
  };
}

/** A token exactly as flask-jwt-extended would mint it with the given secret. */
export function flaskToken(
  secret: string,
  type: 'access' | 'refresh',
  sub: string | number,
  overrides: Record<string, unknown> = {},
): string {
  return signJwt({ alg: 'HS256', typ: 'JWT' }, flaskClaims(type, sub, overrides), secret);
}

export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
} {
  const [header = '', claims = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >,
    claims: JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >,
  };
}
