import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RateLimitRepository } from '@zhengdun/persistence';

const PURGE_EVERY_MS = 60_000;

/** Removes rate-limit buckets whose window has ended, every minute. Safe on every replica (a plain DELETE). */
@Injectable()
export class RateLimitJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimitJanitor.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly buckets: RateLimitRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async purge(): Promise<number> {
    try {
      return await this.buckets.purgeExpired();
    } catch (error) {
      this.logger.warn({ err: error }, 'rate-limit purge failed; will try again');
      return 0;
    }
  }
}
