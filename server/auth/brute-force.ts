// Brute-force protection for POST /api/token and POST /login (issue 3): after
// config.loginMaxFailures failures for one username or one client address within
// config.loginFailureWindowSeconds, logins are refused with 429 + Retry-After.
// Only failures count; a success clears its username's counter. Counters live in
// memory, or in Redis when REDIS_URL is set so several instances share them.
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Config } from '../config';

export interface LoginGuard {
  /** Seconds until a login for this username / address may be tried again, or null when allowed. */
  blockedFor(username: string, ip: string): Promise<number | null>;
  /** Counts a failed login for both keys. */
  recordFailure(username: string, ip: string): Promise<void>;
  /** A successful login clears the username's counter (the address keeps its count). */
  recordSuccess(username: string): Promise<void>;
  close(): Promise<void>;
}

// Usernames are compared case-insensitively here so "Webdev" and "webdev" share a counter.
const usernameKey = (username: string) => `user:${username.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

export function createLoginGuard(
  config: Pick<Config, 'loginMaxFailures' | 'loginFailureWindowSeconds' | 'redisUrl'>,
): LoginGuard {
  const points = config.loginMaxFailures;
  const duration = config.loginFailureWindowSeconds;
  const memory = new RateLimiterMemory({ points, duration, keyPrefix: 'login-fail' });
  let redis: Redis | null = null;
  let limiter: RateLimiterAbstract = memory;
  if (config.redisUrl) {
    // One retry per command: with Redis down, calls fail within a moment and the
    // in-memory insurance limiter takes over instead of logins hanging.
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    limiter = new RateLimiterRedis({
      storeClient: redis,
      points,
      duration,
      keyPrefix: 'photo-app:login-fail',
      insuranceLimiter: memory,
    });
  }

  async function secondsLeft(key: string): Promise<number | null> {
    const state = await limiter.get(key);
    if (!state || state.consumedPoints < points) return null;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  return {
    async blockedFor(username, ip) {
      const [byUser, byIp] = await Promise.all([
        secondsLeft(usernameKey(username)),
        secondsLeft(ipKey(ip)),
      ]);
      if (byUser === null && byIp === null) return null;
      return Math.max(byUser ?? 0, byIp ?? 0);
    },
    async recordFailure(username, ip) {
      await Promise.all([limiter.penalty(usernameKey(username), 1), limiter.penalty(ipKey(ip), 1)]);
    },
    async recordSuccess(username) {
      await limiter.delete(usernameKey(username));
    },
    async close() {
      if (redis) await redis.quit().catch(() => undefined);
    },
  };
}
