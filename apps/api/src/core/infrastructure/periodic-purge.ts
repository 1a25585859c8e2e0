import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Deletes expired rows on an interval for as long as the application runs. Safe on every replica
 * (each purge is a plain DELETE); a failed purge is logged and tried again next time.
 */
export abstract class PeriodicPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;

  protected constructor(
    private readonly everyMs: number,
    /** What is purged, for the log: "rate-limit buckets". */
    private readonly what: string,
  ) {}

  /** Deletes what has expired; the number of rows removed. */
  protected abstract removeExpired(): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), this.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async purge(): Promise<number> {
    try {
      const purged = await this.removeExpired();
      if (purged > 0) this.logger.log({ purged }, `expired ${this.what} removed`);
      return purged;
    } catch (error) {
      this.logger.warn({ err: error }, `purge of ${this.what} failed; will try again`);
      return 0;
    }
  }
}
