import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { RateLimitRepository } from '@zhengdun/persistence';

/** How often a failing store is logged, at most. */
const WARN_EVERY_MS = 10_000;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler's storage on Postgres (RateLimitRepository): every API replica counts in the same
 * rows, so a limit holds for the whole deployment, not per replica. A fixed window: the first hit opens
 * it for `ttl` ms, hits past `limit` are refused until it ends (blockDuration is not used: the block
 * lasts the rest of the window). If Postgres cannot be reached the request is let through (and
 * logged): a limiter that fails closed would turn a database hiccup into an outage of every route.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(PostgresThrottlerStorage.name);
  private lastWarning = 0;

  constructor(private readonly buckets: RateLimitRepository) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    try {
      const { hits, msLeft } = await this.buckets.hit(key, ttl, limit);
      const secondsLeft = Math.max(1, Math.ceil(msLeft / 1000));
      const isBlocked = hits > limit;
      return { totalHits: hits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
    } catch (error) {
      if (Date.now() - this.lastWarning > WARN_EVERY_MS) {
        this.lastWarning = Date.now();
        this.logger.warn({ err: error }, 'rate-limit store unavailable: requests are not limited meanwhile');
      }
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
