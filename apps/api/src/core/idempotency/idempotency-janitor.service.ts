import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyRepository } from '@zhengdun/persistence';

/** How long an Idempotency-Key's answer is kept for replay. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;
const PURGE_EVERY_MS = 3_600_000;

/** Removes idempotency records past their retention, hourly. Safe on every replica (a plain DELETE). */
@Injectable()
export class IdempotencyJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyJanitor.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly records: IdempotencyRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async purge(): Promise<number> {
    try {
      const purged = await this.records.purgeOlderThan(new Date(Date.now() - IDEMPOTENCY_RETENTION_MS));
      if (purged > 0) this.logger.log({ purged }, 'old idempotency records removed');
      return purged;
    } catch (error) {
      this.logger.warn({ err: error }, 'idempotency purge failed; will try again');
      return 0;
    }
  }
}
