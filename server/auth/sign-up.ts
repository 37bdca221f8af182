// Sign-up (API.md §9), shared by POST /api/users and the /register page: every rule
// of every field checked at once (the page shows each error at its field), at most
// SIGN_UPS_PER_HOUR accounts per client address, then the account itself.
import type { FastifyInstance } from 'fastify';
import { EMAIL_PATTERN, PERSON_NAME_PATTERN, USERNAME_PATTERN } from '../../contract';
import { isStorableText } from '../../contract/inputs';
import { ACCOUNT_LIMITS } from '../../contract/limits';
import { checkNewPassword } from './password-rules';
import { hashPassword } from './passwords';
import { HashPoolBusyError } from './hash-pool';
import { CounterStoreUnavailableError } from './counter-stores';
import { createQuota, type Quota } from './quota';
import {
  EMAIL_TAKEN,
  insertAccount,
  isEmailTaken,
  isUsernameTaken,
  USERNAME_TAKEN,
  withAccountNamesLocked,
} from '../users/accounts';
import type { UserFields } from '../users/users.mapper';

/** API.md §9: at most this many sign-ups per client address per hour. */
export const SIGN_UPS_PER_HOUR = 5;

export const ACCOUNT_FIELDS = ['username', 'first_name', 'last_name', 'email', 'password'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type SignUpInput = Record<AccountField, string>;

/** What is wrong with one field, as a phrase that completes "<field> ...". */
export interface FieldProblem {
  field: AccountField;
  problem: string;
}

export type SignUpResult =
  | { ok: true; user: UserFields }
  | { ok: false; status: 400; problems: FieldProblem[] }
  | { ok: false; status: 429 | 503; retryAfterSeconds: number; message: string };

declare module 'fastify' {
  interface FastifyInstance {
    /** Sign-ups per client address, shared by POST /api/users and POST /register. */
    signUpQuota: Quota;
  }
}

/** One quota for both ways of signing up; call once in app.ts. */
export function registerSignUps(app: FastifyInstance): void {
  const quota = createQuota(app.counterStore, {
    name: 'sign-ups',
    points: SIGN_UPS_PER_HOUR,
    windowSeconds: 3600,
  });
  app.decorate('signUpQuota', quota);
}

// The patterns of the JSON schemas (contract/accounts.ts), for the HTML form too.
const USERNAME = new RegExp(USERNAME_PATTERN, 'u');
const PERSON_NAME = new RegExp(PERSON_NAME_PATTERN, 'u');
const EMAIL = new RegExp(EMAIL_PATTERN, 'u');

/** The problems of every field (empty when all is well), without touching the database. */
export function findAccountProblems(input: SignUpInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: AccountField, problem: string) => problems.push({ field, problem });
  const { usernameMin: min, usernameMax: max } = ACCOUNT_LIMITS;
  if (!USERNAME.test(input.username)) {
    add('username', `must be ${min}-${max} letters, digits, _ or . and start with a letter.`);
  }
  for (const field of ['first_name', 'last_name'] as const) {
    const value = input[field].trim();
    if (value === '') add(field, 'must not be empty.');
    else if (value.length > ACCOUNT_LIMITS.name) {
      add(field, `must be at most ${ACCOUNT_LIMITS.name} characters long.`);
    } else if (!PERSON_NAME.test(value)) add(field, 'must not contain control characters.');
  }
  if (!EMAIL.test(input.email) || input.email.length > ACCOUNT_LIMITS.email) {
    add('email', 'must be an email address like name@example.com.');
  }
  // A login refuses what cannot be stored (API.md §4), so such a password could never log in.
  const passwordProblem = isStorableText(input.password)
    ? checkNewPassword(input.password, { username: input.username, email: input.email })
    : 'must not contain NUL characters or broken Unicode.';
  if (passwordProblem !== null) add('password', passwordProblem);
  return problems;
}

/** Checks, counts against the address's quota, and creates the account. */
export async function signUp(
  app: FastifyInstance,
  input: SignUpInput,
  ip: string,
): Promise<SignUpResult> {
  const account = {
    ...input,
    first_name: input.first_name.trim(),
    last_name: input.last_name.trim(),
  };
  const problems = findAccountProblems(account);
  if (problems.length > 0) return { ok: false, status: 400, problems };

  let wait: number | null;
  try {
    wait = await app.signUpQuota.take(`ip:${ip}`);
  } catch (error) {
    if (!(error instanceof CounterStoreUnavailableError)) throw error;
    const { retryAfterSeconds, message } = error;
    return { ok: false, status: 503, retryAfterSeconds, message };
  }
  if (wait !== null) {
    return {
      ok: false,
      status: 429,
      retryAfterSeconds: wait,
      message: `Too many new accounts from your network: try again in ${Math.ceil(wait / 60)} minutes.`,
    };
  }
  const takenProblems = async (trx: Parameters<typeof isUsernameTaken>[0]) => {
    const taken: FieldProblem[] = [];
    if (await isUsernameTaken(trx, account.username)) {
      taken.push({ field: 'username', problem: USERNAME_TAKEN });
    }
    if (await isEmailTaken(trx, account.email))
      taken.push({ field: 'email', problem: EMAIL_TAKEN });
    return taken;
  };
  // Checked before the (slow) hash so the usual duplicate answers at once, and again
  // under the lock, where it is certain.
  let taken = await takenProblems(app.db.kysely);
  let user: UserFields | undefined;
  if (taken.length === 0) {
    const { password, ...names } = account;
    let password_hash: string;
    try {
      password_hash = await hashPassword(password);
    } catch (error) {
      if (!(error instanceof HashPoolBusyError)) throw error;
      await app.signUpQuota.giveBack(`ip:${ip}`);
      const { retryAfterSeconds, message } = error;
      return { ok: false, status: 503, retryAfterSeconds, message };
    }
    user = await withAccountNamesLocked(app.db, async (trx) => {
      taken = await takenProblems(trx);
      return taken.length === 0 ? insertAccount(trx, { ...names, password_hash }) : undefined;
    });
  }
  if (user === undefined) {
    await app.signUpQuota.giveBack(`ip:${ip}`);
    return { ok: false, status: 400, problems: taken };
  }
  return { ok: true, user };
}
