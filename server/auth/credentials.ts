// Username + password -> user id, shared by POST /api/token and POST /login
// (API.md §4-6). One answer for a wrong username, a wrong password and a disabled
// account; the same hashing work for all three, so neither the message nor the
// response time tells which usernames exist.
import type { FastifyInstance } from 'fastify';
import { findLoginByUsername, isActive, replacePasswordHash } from '../users/users.queries';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './passwords';

export const WRONG_CREDENTIALS = 'Incorrect username or password.';

export type CredentialsResult =
  | { ok: true; userId: number }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'blocked'; retryAfterSeconds: number; message: string };

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed login attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export async function checkCredentials(
  app: FastifyInstance,
  input: { username: string; password: string; ip: string },
): Promise<CredentialsResult> {
  const blocked = await app.loginGuard.blockedFor(input.username, input.ip);
  if (blocked !== null) {
    return {
      ok: false,
      reason: 'blocked',
      retryAfterSeconds: blocked,
      message: tooManyAttemptsMessage(blocked),
    };
  }

  const user = await findLoginByUsername(app.db.kysely, input.username);
  const check = await verifyPassword(input.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);

  if (!user || !check.ok || !isActive(user)) {
    await app.loginGuard.recordFailure(input.username, input.ip);
    return { ok: false, reason: 'wrong' };
  }
  await app.loginGuard.recordSuccess(input.username);

  if (check.needsRehash) {
    // API.md §5: a weaker stored hash is replaced on the next successful login.
    // Only password_hash changes; password_plaintext is never written (API.md §2).
    const stronger = await hashPassword(input.password);
    await replacePasswordHash(app.db.kysely, user.id, user.password_hash, stronger);
  }
  return { ok: true, userId: user.id };
}
