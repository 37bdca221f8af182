// Double-submit CSRF (API.md §5): a token that came as a cookie is sent along by the
// browser on its own, so a write must also carry the token's csrf claim in the
// X-CSRF-TOKEN header, which only same-origin JavaScript can read from its cookie.
import { timingSafeEqual } from 'node:crypto';
import type { TokenClaims } from './tokens';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Constant-time string comparison for secrets of possibly different lengths. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Reads never change anything, so only writes need the header. */
export function needsCsrfHeader(method: string): boolean {
  return UNSAFE_METHODS.has(method);
}

/** The header matches the token's csrf claim (a token without one matches nothing). */
export function csrfHeaderMatches(sent: unknown, claims: TokenClaims): boolean {
  return typeof sent === 'string' && !!claims.csrf && safeEqual(sent, claims.csrf);
}

/** What a client is told when the header is missing or wrong. */
export function csrfRefusal(cookieName: string): string {
  return `Missing or wrong X-CSRF-TOKEN header (copy it from the ${cookieName} cookie).`;
}
