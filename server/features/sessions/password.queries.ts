// The password change's writes (API.md §9): one transaction, so a new password never
// exists while the sessions it should have ended still work.
import { endOtherSessions } from '../../auth/sessions';
import type { Executor } from '../../db/executor';

export async function findPasswordHash(db: Executor, userId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash;
}

/**
 * Stores the new hash, clears password_plaintext (API.md §2: only the demo seed ever
 * writes it) and ends every session of the user but `keepSession`.
 */
export async function changePassword(
  db: Executor,
  userId: number,
  passwordHash: string,
  keepSession: string | undefined,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_plaintext: null })
      .where('id', '=', userId)
      .execute();
    await endOtherSessions(trx, userId, keepSession);
  });
}
