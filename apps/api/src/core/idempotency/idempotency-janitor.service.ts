import { Injectable } from '@nestjs/common';
import { IdempotencyRepository } from '@zhengdun/persistence';
import { PeriodicPurge } from '../infrastructure/periodic-purge';

/** How long an Idempotency-Key's answer is kept for replay. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

/** Removes idempotency records past their retention, hourly. */
@Injectable()
export class IdempotencyJanitor extends PeriodicPurge {
  constructor(private readonly records: IdempotencyRepository) {
    super(3_600_000, 'idempotency records');
  }

  protected removeExpired(): Promise<number> {
    return this.records.purgeOlderThan(new Date(Date.now() - IDEMPOTENCY_RETENTION_MS));
  }
}
