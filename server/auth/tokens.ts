// JWTs in flask-jwt-extended's wire format (API.md §5): HS256 only, claims
// fresh, iat, jti, type, sub (string; integer accepted), nbf, csrf, exp.
import { randomUUID } from 'node:crypto';
import { createSigner, createVerifier, TokenError as JwtLibraryError } from 'fast-jwt';

export type TokenType = 'access' | 'refresh';

export interface TokenClaims {
  fresh: boolean;
  iat: number;
  jti: string;
  type: TokenType;
  sub: string | number;
  nbf: number;
  csrf?: string;
  exp: number;
  /** Ours, refresh tokens only: the rotation chain this token belongs to. Flask ignores it. */
  fam?: string;
}

export class InvalidTokenError extends Error {
  constructor(
    message: string,
    /** 'malformed' when it is not a JWT at all (the refresh endpoint answers 400 for that). */
    readonly kind: 'malformed' | 'rejected' = 'rejected',
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

export interface TokenService {
  sign(
    type: TokenType,
    userId: number,
    options?: { fresh?: boolean; family?: string },
  ): { token: string; claims: TokenClaims };
  verify(token: string, expected: TokenType): TokenClaims;
}

/** Tokens longer than this are refused before any parsing work. */
const MAX_TOKEN_LENGTH = 4096;

export function createTokenService(options: {
  secret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  now?: () => number;
}): TokenService {
  const now = options.now ?? (() => Date.now());
  const signer = createSigner({ key: options.secret, algorithm: 'HS256' });
  const verifier = createVerifier({
    key: options.secret,
    algorithms: ['HS256'],
    requiredClaims: ['exp', 'sub', 'type', 'jti'],
    cache: false,
  });

  return {
    sign(type, userId, signOptions = {}) {
      const issuedAt = Math.floor(now() / 1000);
      const ttl = type === 'access' ? options.accessTtlSeconds : options.refreshTtlSeconds;
      const claims: TokenClaims = {
        fresh: signOptions.fresh ?? false,
        iat: issuedAt,
        jti: randomUUID(),
        type,
        sub: String(userId),
        nbf: issuedAt,
        csrf: randomUUID(),
        exp: issuedAt + ttl,
      };
      if (type === 'refresh') claims.fam = signOptions.family ?? claims.jti;
      return { token: signer(claims), claims };
    },

    verify(token, expected) {
      if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || token.split('.').length !== 3) {
        throw new InvalidTokenError('The token is not a JWT.', 'malformed');
      }
      let claims: TokenClaims;
      try {
        claims = verifier(token) as TokenClaims;
      } catch (error) {
        throw new InvalidTokenError(
          describeLibraryError(error),
          isMalformed(error) ? 'malformed' : 'rejected',
        );
      }
      const nowSeconds = Math.floor(now() / 1000);
      if (typeof claims.exp !== 'number') throw new InvalidTokenError('The token has no expiry.');
      if (typeof claims.iat === 'number' && claims.iat > nowSeconds + 5) {
        throw new InvalidTokenError('The token was issued in the future.');
      }
      if (claims.type !== expected) {
        throw new InvalidTokenError(
          `Expected a ${expected} token, got a ${String(claims.type)} token.`,
        );
      }
      if (userIdOf(claims) === null) throw new InvalidTokenError('The token names no valid user.');
      // Ids are stored in revoked_tokens (varchar(64), with a "family:" prefix for chains).
      if (!isTokenId(claims.jti) || (claims.fam !== undefined && !isTokenId(claims.fam))) {
        throw new InvalidTokenError('The token id is invalid.');
      }
      return claims;
    },
  };
}

/** `sub` is a string here and in flask-jwt-extended 4.6+; older Flask apps wrote an integer. */
export function userIdOf(claims: Pick<TokenClaims, 'sub'>): number | null {
  const sub = typeof claims.sub === 'number' ? String(claims.sub) : claims.sub;
  if (typeof sub !== 'string' || !/^[1-9]\d{0,9}$/.test(sub)) return null;
  const id = Number(sub);
  return id <= 2_147_483_647 ? id : null;
}

const isTokenId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 56;

function isMalformed(error: unknown): boolean {
  return (
    error instanceof JwtLibraryError &&
    (error.code === JwtLibraryError.codes.malformed ||
      error.code === JwtLibraryError.codes.invalidType)
  );
}

function describeLibraryError(error: unknown): string {
  if (!(error instanceof JwtLibraryError)) return 'The token is invalid.';
  switch (error.code) {
    case JwtLibraryError.codes.expired:
      return 'The token has expired.';
    case JwtLibraryError.codes.inactive:
      return 'The token is not valid yet.';
    case JwtLibraryError.codes.invalidSignature:
      return 'The token signature is invalid.';
    case JwtLibraryError.codes.invalidAlgorithm:
      return 'The token algorithm is not allowed.';
    case JwtLibraryError.codes.missingRequiredClaim:
      return 'The token is missing a required claim.';
    default:
      return 'The token is invalid.';
  }
}
