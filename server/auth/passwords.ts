// Password hashes in werkzeug's formats (API.md §5), so a Flask photo-app database
// keeps working here and a hash written here verifies in the Flask app:
//   scrypt:N:r:p$salt$hex          hashlib.scrypt(pw, salt=salt, n, r, p), 64-byte key
//   pbkdf2:sha256:iterations$salt$hex   hashlib.pbkdf2_hmac('sha256', pw, salt, iterations)
// The salt is used as the UTF-8 bytes of its text, exactly as werkzeug does.
// Every hash runs in the worker pool of hash-pool.ts, never on the main thread or in
// libuv's thread pool (API.md §5: hashing never slows anything else down).
import { randomInt, timingSafeEqual } from 'node:crypto';
import { runHash } from './hash-pool';

/** OWASP's minimum for scrypt (API.md §5): N=2^17, r=8, p=1. */
const OWASP_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
/** What new hashes use: OWASP's unless configured (config PASSWORD_HASH_COST; lower only in tests). */
let newHashCost: { N: number; r: number; p: number } = OWASP_SCRYPT;
const SCRYPT_KEY_LENGTH = 64;
const SALT_LENGTH = 16;
const SALT_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// Bounds for parameters read from a stored hash, so a corrupt row cannot make one
// login allocate gigabytes or spin for minutes.
const MAX_SCRYPT_N = 2 ** 20;
const MAX_SCRYPT_R = 32;
const MAX_SCRYPT_P = 16;
const MAX_PBKDF2_ITERATIONS = 10_000_000;
const PBKDF2_DIGESTS: Record<string, number> = { sha1: 20, sha256: 32, sha512: 64 };
// werkzeug's defaults when a method names no parameters ("scrypt", "pbkdf2").
const WERKZEUG_DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
const WERKZEUG_DEFAULT_PBKDF2_ITERATIONS = 600_000;

/**
 * A valid hash of a random password nobody knows, at full strength: checking a
 * login for an unknown username against it costs the same time as for a real one,
 * so response times do not reveal which usernames exist.
 */
export const DUMMY_PASSWORD_HASH =
  'scrypt:131072:8:1$D4vqheuysBZtXGP9$7d8a5cf5b8ab4f793d60eeae0e0234bdcc7a4791a295cfa87b90233ea3a5746fa21e2ff3f8371fa9d616648f29e41a75252f13ee7c95145202cd933de0f1eb61';

let dummyHash = DUMMY_PASSWORD_HASH;

/**
 * Sets the cost of new hashes to N=2^cost (plugins/auth.ts, from the configuration).
 * Config refuses a cost below 17 outside NODE_ENV=test. The dummy hash follows, so an
 * unknown username still costs what a real one does.
 */
export function configurePasswordHashing(options: { cost: number }): void {
  newHashCost = { ...OWASP_SCRYPT, N: 2 ** options.cost };
  dummyHash =
    newHashCost.N === OWASP_SCRYPT.N
      ? DUMMY_PASSWORD_HASH
      : `scrypt:${newHashCost.N}:8:1$D4vqheuysBZtXGP9$${'00'.repeat(SCRYPT_KEY_LENGTH)}`;
}

/** A hash nobody's password matches, at the cost of new hashes (for unknown usernames). */
export function dummyPasswordHash(): string {
  return dummyHash;
}

export interface PasswordCheck {
  ok: boolean;
  /** True when the stored hash is weaker than what hashPassword writes: replace it after a successful login. */
  needsRehash: boolean;
}

function scryptAsync(
  password: string,
  salt: string,
  keyLength: number,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  return runHash({ kind: 'scrypt', password, salt, keyLength, ...cost });
}

function pbkdf2Async(
  password: string,
  salt: string,
  iterations: number,
  digest: string,
  keyLength: number,
): Promise<Buffer> {
  return runHash({ kind: 'pbkdf2', password, salt, iterations, digest, keyLength });
}

function generateSalt(): string {
  let salt = '';
  for (let i = 0; i < SALT_LENGTH; i++) salt += SALT_CHARS[randomInt(SALT_CHARS.length)];
  return salt;
}

/** A new werkzeug-format scrypt hash. `salt` exists for the deterministic demo seed only. */
export async function hashPassword(
  password: string,
  options: { salt?: string } = {},
): Promise<string> {
  const salt = options.salt ?? generateSalt();
  if (salt === '' || salt.includes('$'))
    throw new Error('A password salt must be non-empty and contain no "$".');
  const key = await scryptAsync(password, salt, SCRYPT_KEY_LENGTH, newHashCost);
  return `scrypt:${newHashCost.N}:${newHashCost.r}:${newHashCost.p}$${salt}$${key.toString('hex')}`;
}

const positiveInteger = (text: string | undefined): number | null =>
  text !== undefined && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null;

type Method =
  | { kind: 'scrypt'; N: number; r: number; p: number }
  | { kind: 'pbkdf2'; digest: string; iterations: number };

/** Parses werkzeug's method part ("scrypt:N:r:p", "pbkdf2:sha256:600000", or their bare defaults). */
function parseMethod(method: string): Method | null {
  const [name, ...args] = method.split(':');
  if (name === 'scrypt') {
    if (args.length === 0) return { kind: 'scrypt', ...WERKZEUG_DEFAULT_SCRYPT };
    if (args.length !== 3) return null;
    const [N, r, p] = args.map(positiveInteger);
    if (
      !N ||
      !r ||
      !p ||
      (N & (N - 1)) !== 0 ||
      N < 2 ||
      N > MAX_SCRYPT_N ||
      r > MAX_SCRYPT_R ||
      p > MAX_SCRYPT_P
    ) {
      return null;
    }
    return { kind: 'scrypt', N, r, p };
  }
  if (name === 'pbkdf2') {
    const digest = args[0] ?? 'sha256';
    const iterations =
      args.length >= 2 ? positiveInteger(args[1]) : WERKZEUG_DEFAULT_PBKDF2_ITERATIONS;
    if (
      args.length > 2 ||
      !(digest in PBKDF2_DIGESTS) ||
      !iterations ||
      iterations > MAX_PBKDF2_ITERATIONS
    )
      return null;
    return { kind: 'pbkdf2', digest, iterations };
  }
  return null;
}

/**
 * Checks a password against a stored werkzeug hash. An unknown or corrupt format
 * never verifies (and never throws): such an account simply cannot log in.
 */
export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  const parts = stored.split('$');
  const [methodText, salt, hex] =
    parts.length === 3 ? (parts as [string, string, string]) : ['', '', ''];
  const method = parseMethod(methodText);
  if (!method || salt === '' || !/^(?:[0-9a-f]{2})+$/.test(hex)) {
    // Same work as a real check, so an account with an unusable hash looks like any other.
    await verifyPassword(password, dummyHash);
    return { ok: false, needsRehash: false };
  }
  const expected = Buffer.from(hex, 'hex');

  const actual =
    method.kind === 'scrypt'
      ? await scryptAsync(password, salt, SCRYPT_KEY_LENGTH, method)
      : await pbkdf2Async(
          password,
          salt,
          method.iterations,
          method.digest,
          PBKDF2_DIGESTS[method.digest] ?? 32,
        );

  const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
  const weaker =
    method.kind === 'pbkdf2' ||
    method.N < newHashCost.N ||
    method.r < newHashCost.r ||
    method.p < newHashCost.p ||
    expected.length < SCRYPT_KEY_LENGTH;
  return { ok, needsRehash: ok && weaker };
}
