// OWASP's device cookie (API.md §5): after a successful login the browser (or API
// client) gets a long-lived, signed, HttpOnly cookie bound to that username. Showing it
// again makes a login a "trusted device" attempt, which the login limiter counts only
// against that device, so attacks from elsewhere never lock the owner out.
import { createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from './csrf';

export const DEVICE_COOKIE = 'login_device';
/** A year: a device stays trusted while it keeps logging in. */
export const DEVICE_COOKIE_MAX_AGE = 365 * 86_400;

const normalize = (username: string) => username.trim().toLowerCase();

function signature(secret: string, payload: string): string {
  // A key of its own, derived from the JWT secret, so a device cookie is never a token.
  const key = createHmac('sha256', secret).update('photo-app device cookie v1').digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** A new cookie value for this username: v1.<username>.<device id>.<signature>. */
export function createDeviceCookie(secret: string, username: string): string {
  const payload = `v1.${Buffer.from(normalize(username)).toString('base64url')}.${randomBytes(16).toString('base64url')}`;
  return `${payload}.${signature(secret, payload)}`;
}

/** The device id when the cookie is genuine and names this username, else null. */
export function trustedDeviceId(
  secret: string,
  cookie: string | undefined,
  username: string,
): string | null {
  if (!cookie || cookie.length > 300) return null;
  const parts = cookie.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return null;
  const [version, user, device, sent] = parts as [string, string, string, string];
  const payload = `${version}.${user}.${device}`;
  if (!safeEqual(sent, signature(secret, payload))) return null;
  if (Buffer.from(user, 'base64url').toString() !== normalize(username)) return null;
  return device;
}
