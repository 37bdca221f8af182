// Hourly quotas for actions that cost the server (API.md §9): sign-ups per client
// address, uploads per user. The counters live in the kind of store the login
// limiter uses (login-limiter.ts createCounterStore: memory, Redis or the database,
// as configured), so the workers and instances that share it share the quota too.
// The store is the app's (app.counterStore), which closes it. `take` throws
// CounterStoreUnavailableError (503 with Retry-After) when Redis cannot be reached.
import type { CounterStore } from './counter-stores';

export interface Quota {
  /** Uses one unit of `key`'s quota: null when one was left, else the seconds until one is. */
  take(key: string): Promise<number | null>;
  /** Returns a unit taken for an action that did not happen after all (best effort). */
  giveBack(key: string): Promise<void>;
}

export interface QuotaOptions {
  /** Names the counters, so quotas sharing a store never share a key. */
  name: string;
  /** Units per window. */
  points: number;
  windowSeconds: number;
}

export function createQuota(store: CounterStore, options: QuotaOptions): Quota {
  const { name, points, windowSeconds } = options;
  const counterKey = (key: string) => `${name}:${key}`;
  return {
    take: (key) => store.take([{ key: counterKey(key), limit: points }], windowSeconds),
    giveBack: (key) => store.giveBack([counterKey(key)]).catch(() => undefined),
  };
}
