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
  /**
   * Ours: the server-side session the token belongs to (auth/sessions.ts). Tokens
   * without it (minted by a Flask app) keep the Flask rules. Flask ignores it.
   */
  sid?: string;
}

export class InvalidTokenError extends Error {
  constructor(
    message: string,
    /** 'malformed' when it is not a JWT at all (the refresh endpoint answers 400 for that). */
    readonly kind: 'malformed' | 'expired' | 'rejected' = 'rejected',
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

export interface TokenService {
  sign(
    type: TokenType,
    userId: number,
    options?: { fresh?: boolean; sessionId?: string },
  ): { token: string; claims: TokenClaims };
  verify(token: string, expected: TokenType): TokenClaims;
}

/** Tokens longer than this are refused before any parsing work. */
const MAX_TOKEN_LENGTH = 4096;
/** Tokens remembered as verified (≈ 0.5 KB each). */
const VERIFIED_TOKENS_KEPT = 1000;

/** nbf ≤ now ≤ exp, as fast-jwt checks them (its clock is Date.now(), in ms). */
const isCurrent = (claims: TokenClaims, nowMs: number) =>
  nowMs <= claims.exp * 1000 && (typeof claims.nbf !== 'number' || nowMs >= claims.nbf * 1000);

const wrongType = (claims: TokenClaims, expected: TokenType) =>
  new InvalidTokenError(`Expected a ${expected} token, got a ${String(claims.type)} token.`);

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
  });
  // A client sends the same access token with every request for its 15 minutes: a
  // token that passed every check below is answered from here, by its exact text,
  // while nbf ≤ now ≤ exp (the bounds fast-jwt checks), so the payload's decoding,
  // the HMAC and the checks run once per token (≈ 5 µs of the 6 µs a verification
  // took; README Performance). Failures are not kept; the expected type is checked
  // on every call. fast-jwt's own cache keys its entries by the token's SHA-256, a
  // hash as costly as the HMAC it saves. Revocation is unaffected: the session is
  // checked in the database on every request.
  const verified = new Map<string, TokenClaims>();

  function remember(token: string, claims: TokenClaims): void {
    // The oldest entry makes room: a bound on memory, not a policy.
    if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
    verified.set(token, claims);
  }

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
      if (signOptions.sessionId !== undefined) claims.sid = signOptions.sessionId;
      return { token: signer(claims), claims };
    },

    verify(token, expected) {
      const known = verified.get(token);
      if (known !== undefined) {
        if (isCurrent(known, Date.now())) {
          if (known.type !== expected) throw wrongType(known, expected);
          return known;
        }
        verified.delete(token); // expired: verified again below, for the error it gets
      }
      if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || token.split('.').length !== 3) {
        throw new InvalidTokenError('The token is not a JWT.', 'malformed');
      }
      let claims: TokenClaims;
      try {
        claims = verifier(token) as TokenClaims;
      } catch (error) {
        throw new InvalidTokenError(
          describeLibraryError(error),
          isMalformed(error) ? 'malformed' : isExpired(error) ? 'expired' : 'rejected',
        );
      }
      const nowSeconds = Math.floor(now() / 1000);
      if (typeof claims.exp !== 'number') throw new InvalidTokenError('The token has no expiry.');
      // API.md §5: a time claim that is not a JSON number ("iat": "999") is refused,
      // never compared as a string.
      for (const name of ['iat', 'nbf'] as const) {
        if (claims[name] !== undefined && !Number.isFinite(claims[name])) {
          throw new InvalidTokenError(`The token's ${name} claim is not a number.`);
        }
      }
      if (!Number.isFinite(claims.exp)) throw new InvalidTokenError('The token has no expiry.');
      if (typeof claims.iat === 'number' && claims.iat > nowSeconds + 5) {
        throw new InvalidTokenError('The token was issued in the future.');
      }
      if (claims.type !== expected) throw wrongType(claims, expected);
      if (userIdOf(claims) === null) throw new InvalidTokenError('The token names no valid user.');
      // The session id is looked up in sessions.id (varchar(36)).
      if (!isTokenId(claims.jti) || (claims.sid !== undefined && !isSessionId(claims.sid))) {
        throw new InvalidTokenError('The token id is invalid.');
      }
      remember(token, claims);
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

const isSessionId = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

function isMalformed(error: unknown): boolean {
  return (
    error instanceof JwtLibraryError &&
    (error.code === JwtLibraryError.codes.malformed ||
      error.code === JwtLibraryError.codes.invalidType)
  );
}

const isExpired = (error: unknown) =>
  error instanceof JwtLibraryError && error.code === JwtLibraryError.codes.expired;

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
