import { Injectable } from '@nestjs/common';
import { RateLimitRepository } from '@zhengdun/persistence';
import { PeriodicPurge } from '../infrastructure/periodic-purge';

/** Removes rate-limit buckets whose window has ended, every minute. */
@Injectable()
export class RateLimitJanitor extends PeriodicPurge {
  constructor(private readonly buckets: RateLimitRepository) {
    super(60_000, 'rate-limit buckets');
  }

  protected removeExpired(): Promise<number> {
    return this.buckets.purgeExpired();
  }
}
