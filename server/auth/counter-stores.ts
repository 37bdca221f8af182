// Where the login limiter keeps its counters (auth/login-limiter.ts): this process's
// memory, Redis (REDIS_URL: every instance agrees), or the database (several workers
// without Redis). Each store counts the same way: `take` adds one to every key and,
// if any key is then past its limit, takes them all back and answers the wait, as one
// atomic step, so parallel attempts can never all slip under a limit, and an attempt
// that is refused never makes another one look over its limit.
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Executor } from '../db/executor';

export interface Counter {
  key: string;
  limit: number;
}

export interface CounterStore {
  /** Counts one attempt against every counter; null when all stay within their limits, else seconds to wait. */
  take(counters: Counter[], windowSeconds: number): Promise<number | null>;
  /** Takes back an attempt counted by `take` (a successful login is not a failure). */
  giveBack(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

export function createMemoryStore(now: () => number = Date.now): CounterStore {
  const counts = new Map<string, { count: number; endsAt: number }>();
  let lastSweep = now();
  function sweep(): void {
    if (now() - lastSweep < 60_000) return;
    lastSweep = now();
    for (const [key, entry] of counts) if (entry.endsAt <= lastSweep) counts.delete(key);
  }
  return {
    async take(counters, windowSeconds) {
      sweep();
      const at = now();
      let wait = 0;
      // Synchronous from here on: no other attempt runs in between.
      for (const { key, limit } of counters) {
        let entry = counts.get(key);
        if (!entry || entry.endsAt <= at) {
          entry = { count: 0, endsAt: at + windowSeconds * 1000 };
          counts.set(key, entry);
        }
        entry.count += 1;
        if (entry.count > limit) wait = Math.max(wait, entry.endsAt - at);
      }
      if (wait === 0) return null;
      for (const { key } of counters) {
        const entry = counts.get(key);
        if (entry) entry.count -= 1;
      }
      return Math.max(1, Math.ceil(wait / 1000));
    },
    async giveBack(keys) {
      for (const key of keys) {
        const entry = counts.get(key);
        if (entry && entry.count > 0) entry.count -= 1;
      }
    },
    async close() {},
  };
}

// One script, so Redis runs it atomically: INCR every key (starting its window on the
// first count), and when one is past its limit DECR them all and answer the wait (ms).
const TAKE_SCRIPT = `
local wait = 0
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 or redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[1]) end
  if count > tonumber(ARGV[i + 1]) then
    wait = math.max(wait, redis.call('PTTL', key))
  end
end
if wait > 0 then
  for _, key in ipairs(KEYS) do redis.call('DECR', key) end
end
return wait`;

const GIVE_BACK_SCRIPT = `
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
end
return 0`;

/**
 * Redis cannot be reached (down, restarting, a wrong REDIS_URL, too slow): the
 * request answers 503 with Retry-After (API.md §10), never 500, and never admits an
 * attempt it could not count.
 */
export class CounterStoreUnavailableError extends Error {
  readonly statusCode = 503;
  /** Seconds a client should wait before trying again. */
  readonly retryAfterSeconds = 5;
  constructor() {
    super(
      'The server cannot check its request limits right now. Please try again in a few seconds.',
    );
    this.name = 'CounterStoreUnavailableError';
  }
}

/** Where a store reports that it lost and found Redis again: one line each, not one per request. */
export interface StoreLog {
  error(message: string): void;
  info(message: string): void;
}

const describeRedisError = (error: unknown) =>
  error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);

export function createRedisStore(url: string, prefix: string, log?: StoreLog): CounterStore {
  // A failed command is reported at once rather than retried for ever: the request
  // then answers 503 instead of hanging, and a fallback cannot be abused to reset
  // counts. While Redis is known to be away, commands fail without waiting for a
  // connection; ioredis keeps reconnecting in the background ('ready' ends the outage).
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    connectTimeout: 2000,
    commandTimeout: 2000,
  });
  let outage: { reason: string; since: number } | null = null;
  // The connection's own error says more than the command's "max retries" one.
  let connectionError: unknown = null;
  const recovered = () => {
    connectionError = null;
    if (outage === null) return;
    const seconds = ((Date.now() - outage.since) / 1000).toFixed(1);
    outage = null;
    log?.info(`Redis (login and quota counters) is back after ${seconds} s.`);
  };
  redis.on('ready', recovered);
  redis.on('error', (error: unknown) => {
    connectionError = error;
  });
  async function command<T>(run: () => Promise<T>): Promise<T> {
    if (outage !== null && redis.status !== 'ready') throw new CounterStoreUnavailableError();
    try {
      const result = await run();
      recovered();
      return result;
    } catch (error) {
      if (outage === null) {
        outage = { reason: describeRedisError(connectionError ?? error), since: Date.now() };
        log?.error(
          `Redis (login and quota counters) unavailable (${outage.reason}): answering 503 until it is back.`,
        );
      }
      throw new CounterStoreUnavailableError();
    }
  }
  const keyOf = (key: string) => `${prefix}login:${key}`;
  return {
    async take(counters, windowSeconds) {
      const wait = (await command(() =>
        redis.eval(
          TAKE_SCRIPT,
          counters.length,
          ...counters.map((c) => keyOf(c.key)),
          String(windowSeconds * 1000),
          ...counters.map((c) => String(c.limit)),
        ),
      )) as number;
      return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : null;
    },
    async giveBack(keys) {
      if (keys.length === 0) return;
      await command(() => redis.eval(GIVE_BACK_SCRIPT, keys.length, ...keys.map(keyOf)));
    },
    async close() {
      if (redis.status === 'ready') await redis.quit().catch(() => undefined);
      else redis.disconnect();
    },
  };
}

/** A transaction's way out when a counter is past its limit: nothing it counted stays. */
class OverLimit extends Error {
  constructor(readonly waitSeconds: number) {
    super('over the limit');
  }
}

/**
 * Counters in the login_counters table: each key is one INSERT ... ON CONFLICT DO
 * UPDATE ... RETURNING, on SQLite and PostgreSQL alike. One attempt's keys are counted
 * in one transaction, in key order: the row locks make a parallel attempt on the same
 * key wait for this one's decision, and an attempt past a limit rolls back, so a
 * refused attempt never inflates a counter that another attempt reads (and the fixed
 * order means two attempts can never wait for each other).
 */
export function createDatabaseStore(db: Executor, now: () => number = Date.now): CounterStore {
  let lastPurge = 0;
  async function purgeEnded(at: number): Promise<void> {
    if (at - lastPurge < 600) return;
    lastPurge = at;
    await db.deleteFrom('login_counters').where('window_ends_at', '<', at).execute();
  }
  async function add(executor: Executor, key: string, by: 1 | -1, windowSeconds: number) {
    const at = Math.floor(now() / 1000);
    const ends = at + windowSeconds;
    const row = await executor
      .insertInto('login_counters')
      .values({ key, count: Math.max(by, 0), window_ends_at: ends })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when login_counters.window_ends_at <= ${at} then ${Math.max(by, 0)}
            when login_counters.count + ${by} < 0 then 0 else login_counters.count + ${by} end`,
          window_ends_at: sql<number>`case when login_counters.window_ends_at <= ${at} then ${ends}
            else login_counters.window_ends_at end`,
        }),
      )
      .returning(['count', 'window_ends_at'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), wait: Number(row.window_ends_at) - at };
  }
  return {
    async take(counters, windowSeconds) {
      await purgeEnded(Math.floor(now() / 1000));
      const inKeyOrder = [...counters].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      try {
        await db.transaction().execute(async (trx) => {
          let wait = 0;
          for (const { key, limit } of inKeyOrder) {
            const { count, wait: left } = await add(trx, key, 1, windowSeconds);
            if (count > limit) wait = Math.max(wait, left);
          }
          if (wait > 0) throw new OverLimit(wait);
        });
        return null;
      } catch (error) {
        if (error instanceof OverLimit) return Math.max(1, error.waitSeconds);
        throw error;
      }
    },
    async giveBack(keys) {
      for (const key of [...keys].sort()) await add(db, key, -1, 0);
    },
    async close() {},
  };
}
