// Username + password -> user, shared by POST /api/token, POST /login and the
// password change (API.md §4-6, §9). The login limiter counts the attempt before the
// password is checked; one answer for a wrong username, a wrong password and a
// disabled account, with the same hashing work for all three, so neither the message
// nor the response time tells which usernames exist.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findLoginByUsername, isActive, replacePasswordHash } from '../users/users.queries';
import { CounterStoreUnavailableError } from './counter-stores';
import { DEVICE_COOKIE, trustedDeviceId } from './device-cookie';
import { HashPoolBusyError } from './hash-pool';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';

export const WRONG_CREDENTIALS = 'Incorrect username or password.';

export type CredentialsResult =
  | { ok: true; userId: number; username: string }
  | { ok: false; reason: 'wrong' }
  | {
      ok: false;
      /** blocked: past a limit (429). busy: the hash queue is full; unavailable: the counters' Redis is away (503). */
      reason: 'blocked' | 'busy' | 'unavailable';
      retryAfterSeconds: number;
      message: string;
    };

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed login attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/**
 * Runs `check` (which verifies a password) as one login attempt of `username` from
 * this request: refused past a limit, counted as a failure unless it answers true.
 */
export async function withLoginAttempt<T extends { ok: boolean }>(
  app: FastifyInstance,
  request: FastifyRequest,
  username: string,
  check: () => Promise<T>,
): Promise<T | Extract<CredentialsResult, { reason: 'blocked' | 'busy' | 'unavailable' }>> {
  const device = trustedDeviceId(app.config.jwtSecret, request.cookies[DEVICE_COOKIE], username);
  let admission;
  try {
    admission = await app.loginLimiter.admit({ username, address: request.ip, device });
  } catch (error) {
    // Never checked without being counted: no counters, no password check (the store logged it).
    if (!(error instanceof CounterStoreUnavailableError)) throw error;
    const { retryAfterSeconds, message } = error;
    return { ok: false, reason: 'unavailable', retryAfterSeconds, message };
  }
  if (!admission.allowed) {
    const wait = admission.retryAfterSeconds;
    return {
      ok: false,
      reason: 'blocked',
      retryAfterSeconds: wait,
      message: tooManyAttemptsMessage(wait),
    };
  }
  let result: T;
  try {
    result = await check();
  } catch (error) {
    await admission.cancelled();
    if (!(error instanceof HashPoolBusyError)) throw error;
    return {
      ok: false,
      reason: 'busy',
      retryAfterSeconds: error.retryAfterSeconds,
      message: error.message,
    };
  }
  if (result.ok) await admission.succeeded();
  return result;
}

export async function checkCredentials(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { username: string; password: string },
): Promise<CredentialsResult> {
  return withLoginAttempt(app, request, input.username, async () => {
    const user = await findLoginByUsername(app.db.kysely, input.username);
    const check = await verifyPassword(input.password, user?.password_hash ?? dummyPasswordHash());
    if (!user || !check.ok || !isActive(user)) return { ok: false, reason: 'wrong' } as const;
    if (check.needsRehash) {
      // API.md §5: a weaker stored hash is replaced on the next successful login.
      // Only password_hash changes; password_plaintext is never written (API.md §2).
      const stronger = await hashPassword(input.password);
      await replacePasswordHash(app.db.kysely, user.id, user.password_hash, stronger);
    }
    return { ok: true, userId: user.id, username: input.username } as const;
  });
}
