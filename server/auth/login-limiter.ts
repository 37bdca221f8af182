// The login limiter (API.md §5), every counting rule in one place. An attempt is
// counted BEFORE its password is checked, atomically (auth/counter-stores.ts), so a
// burst of parallel guesses gets no more checks than the limit; a correct password
// takes its count back, so only failures use up a limit.
//
//   trusted device (valid device cookie for this username):
//       LOGIN_LIMIT_DEVICE (10) per (username, device), nothing else
//   any other client:
//       LOGIN_LIMIT_USER_ADDRESS (10) per (username, address)
//       LOGIN_LIMIT_USER (20)         per username
//       LOGIN_LIMIT_ADDRESS (50)      per address
//   each per LOGIN_FAILURE_WINDOW (15 minutes), fixed from its first failure.
//
// Past a limit the answer is 429 with Retry-After even for the right password, so it
// teaches nothing; a trusted device never counts against the others, so nobody can
// lock a user out of their own devices.
import type { Config, LoginLimits } from '../config';
import type { Executor } from '../db/executor';
import {
  createDatabaseStore,
  createMemoryStore,
  createRedisStore,
  type Counter,
  type CounterStore,
  type StoreLog,
} from './counter-stores';

export interface LoginAttempt {
  username: string;
  /** The client address (request.ip). */
  address: string;
  /** The device id of a valid device cookie for this username, or null. */
  device: string | null;
}

export type Admission =
  | {
      allowed: true;
      /** The password was right: this attempt was no failure, take its count back. */
      succeeded(): Promise<void>;
      /** The password was never checked (e.g. the hash pool was full): not a failure either. */
      cancelled(): Promise<void>;
    }
  | { allowed: false; retryAfterSeconds: number };

export interface LoginLimiter {
  /** Counts the attempt as a failure in advance; call before checking the password. */
  admit(attempt: LoginAttempt): Promise<Admission>;
  close(): Promise<void>;
}

// Usernames are compared ignoring case, so "Webdev" and "webdev" share counters;
// JSON.stringify keeps any character of a username or address from forging a key.
const key = (...parts: string[]) => JSON.stringify(parts);

/** The counters an attempt is counted against. */
export function countersFor(attempt: LoginAttempt, limits: LoginLimits): Counter[] {
  const user = attempt.username.trim().toLowerCase();
  if (attempt.device !== null) {
    return [{ key: key('device', user, attempt.device), limit: limits.device }];
  }
  return [
    { key: key('user-address', user, attempt.address), limit: limits.userAddress },
    { key: key('user', user), limit: limits.user },
    { key: key('address', attempt.address), limit: limits.address },
  ];
}

export function createLoginLimiter(
  store: CounterStore,
  options: { limits: LoginLimits; windowSeconds: number },
): LoginLimiter {
  return {
    async admit(attempt) {
      const counters = countersFor(attempt, options.limits);
      const wait = await store.take(counters, options.windowSeconds);
      if (wait !== null) return { allowed: false, retryAfterSeconds: wait };
      // Taking back is best effort: if the store went away since `take`, the attempt
      // stays counted as a failure, which errs on the safe side.
      const giveBack = () => store.giveBack(counters.map((c) => c.key)).catch(() => undefined);
      return { allowed: true, succeeded: giveBack, cancelled: giveBack };
    },
    close: () => store.close(),
  };
}

/**
 * The store the configuration names (config.ts picks it: Redis, database or memory).
 * plugins/auth.ts makes one per app (app.counterStore), shared by the limiter and the
 * quotas, so one Redis outage is one log line. A Redis that cannot be reached makes
 * `take` throw CounterStoreUnavailableError (503); a database one is the database's 503.
 */
export function createCounterStore(
  config: Pick<Config, 'loginCounterStore' | 'redisUrl' | 'redisKeyPrefix'>,
  db: Executor,
  log?: StoreLog,
): CounterStore {
  switch (config.loginCounterStore) {
    case 'redis':
      return createRedisStore(config.redisUrl ?? '', config.redisKeyPrefix, log);
    case 'database':
      return createDatabaseStore(db);
    case 'memory':
      return createMemoryStore();
  }
}
