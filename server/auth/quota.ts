// Hourly quotas for actions that cost the server (API.md §9): sign-ups per client
// address, uploads per user. Counters live where the login limiter keeps its own:
// in memory, or in Redis when REDIS_URL is set so every worker and instance shares
// them (with an in-memory stand-in while Redis is unreachable).
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Config } from '../config';

export interface Quota {
  /**
   * Uses one unit of `key`'s quota. Answers null when it was available, or the
   * seconds until one is free again.
   */
  take(key: string): Promise<number | null>;
  /** Returns a unit taken for an action that did not happen after all. */
  giveBack(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface QuotaOptions {
  /** Names the counters (and their Redis keys). */
  name: string;
  /** Units per window. */
  points: number;
  windowSeconds: number;
}

export function createQuota(config: Pick<Config, 'redisUrl'>, options: QuotaOptions): Quota {
  const { name, points, windowSeconds: duration } = options;
  const memory = new RateLimiterMemory({ points, duration, keyPrefix: name });
  let redis: Redis | null = null;
  let limiter: RateLimiterAbstract = memory;
  if (config.redisUrl) {
    // One retry per command: with Redis down the insurance limiter answers at once.
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    redis.on('error', () => undefined);
    limiter = new RateLimiterRedis({
      storeClient: redis,
      points,
      duration,
      keyPrefix: `photo-app:${name}`,
      insuranceLimiter: memory,
    });
  }

  return {
    async take(key) {
      try {
        await limiter.consume(key, 1);
        return null;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        // The window is fixed: counting refused attempts does not extend it.
        return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      }
    },
    async giveBack(key) {
      await limiter.reward(key, 1);
    },
    async close() {
      if (redis) await redis.quit().catch(() => undefined);
    },
  };
}
