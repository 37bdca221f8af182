// Refresh-token revocation (API.md §5, issue 3): a list of REFUSED token ids in the
// database, never a list of allowed ones, so refresh tokens minted elsewhere with the
// same secret (a flask-jwt-extended app, the course's tools) work until they expire
// or are revoked, and every server instance sees the same list.
//
// Rows: one per used or logged-out refresh token (jti, its family), plus one marker
// row `family:<fam>` per revoked rotation chain. Tokens minted elsewhere carry no
// `fam` claim: their own jti is their family.
import type { Db } from '../db/database';
import { isUniqueViolation, toDbTime } from '../db/portable';
import type { TokenClaims } from './tokens';

const familyMarker = (family: string) => `family:${family}`;

/** How often (at most) expired rows are deleted, per process. */
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

export function familyOf(claims: Pick<TokenClaims, 'jti' | 'fam'>): string {
  return typeof claims.fam === 'string' && claims.fam !== '' ? claims.fam : claims.jti;
}

export interface RevocationStore {
  /** True when this token or its whole family has been revoked. */
  isRevoked(claims: TokenClaims): Promise<boolean>;
  /**
   * Marks a refresh token as used, atomically: false when it was already used or
   * revoked (two concurrent refreshes with one token: exactly one wins).
   */
  consume(claims: TokenClaims): Promise<boolean>;
  /** Refuses every token of the chain this one belongs to (reuse detection, logout). */
  revokeFamily(claims: TokenClaims): Promise<void>;
}

export function createRevocationStore(
  db: Db,
  options: { refreshTtlSeconds: number; now?: () => number },
): RevocationStore {
  const now = options.now ?? (() => Date.now());
  let lastPurge = 0;

  /** Cheap, occasional cleanup: a row past its token's expiry refuses nothing any more. */
  async function purgeExpired(): Promise<void> {
    if (now() - lastPurge < PURGE_INTERVAL_MS) return;
    lastPurge = now();
    await db.kysely
      .deleteFrom('revoked_tokens')
      .where('expires_at', '<', toDbTime(new Date(now())))
      .execute();
  }

  async function insert(jti: string, family: string, expiresAtSeconds: number): Promise<boolean> {
    try {
      await db.kysely
        .insertInto('revoked_tokens')
        .values({
          jti,
          family,
          expires_at: toDbTime(new Date(expiresAtSeconds * 1000)),
          revoked_at: toDbTime(new Date(now())),
        })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  return {
    async isRevoked(claims) {
      const row = await db.kysely
        .selectFrom('revoked_tokens')
        .select('jti')
        .where('jti', 'in', [claims.jti, familyMarker(familyOf(claims))])
        .executeTakeFirst();
      return row !== undefined;
    },

    async consume(claims) {
      await purgeExpired();
      return insert(claims.jti, familyOf(claims), claims.exp);
    },

    async revokeFamily(claims) {
      // Every token of the chain was issued before now, so none outlives now + refresh TTL;
      // a token from elsewhere may have a longer TTL: keep the marker as long as it.
      const expires = Math.max(claims.exp, Math.floor(now() / 1000) + options.refreshTtlSeconds);
      await insert(familyMarker(familyOf(claims)), familyOf(claims), expires);
    },
  };
}
