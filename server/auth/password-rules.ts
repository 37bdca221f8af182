// The rules a new password must pass (API.md §9, OWASP ASVS 5), in one place for
// sign-up (POST /api/users, /register) and the password change
// (POST /api/profile/password): 8-128 characters, not among the 10,000 most common
// passwords, not the username or the email.
import { dictionary } from '@zxcvbn-ts/language-common';
import { ACCOUNT_LIMITS } from '../../contract/limits';

/** How many of the ranked common passwords are refused. */
export const COMMON_PASSWORDS_REFUSED = 10_000;

// zxcvbn's list is ranked by frequency in real leaks (most common first) and all
// lower case, so a password is compared in lower case too: "Password1" is as weak
// as "password1".
let commonPasswords: ReadonlySet<string> | null = null;
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].slice(0, COMMON_PASSWORDS_REFUSED));
  return commonPasswords.has(password.toLowerCase());
}

/** Characters as a person counts them: code points, so an emoji is one, not two. */
const lengthOf = (text: string) => [...text].length;

/**
 * What is wrong with a new password, as a phrase that completes "password ...", or
 * null when it may be used. `account` holds the names it must not equal.
 */
export function checkNewPassword(
  password: string,
  account: { username: string; email: string },
): string | null {
  const { passwordMin: min, passwordMax: max } = ACCOUNT_LIMITS;
  const length = lengthOf(password);
  if (length < min) return `must be at least ${min} characters long.`;
  if (length > max) return `must be at most ${max} characters long.`;
  if (isCommonPassword(password)) {
    return 'is one of the most common passwords: choose one that is harder to guess.';
  }
  const lower = password.trim().toLowerCase();
  if (lower === account.username.trim().toLowerCase()) {
    return 'must not be the same as the username.';
  }
  if (lower === account.email.trim().toLowerCase()) return 'must not be the same as the email.';
  return null;
}
