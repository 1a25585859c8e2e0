/**
 * Sends the notification outbox. Polls notification_outbox for due pending rows in small batches,
 * locked with SELECT … FOR UPDATE SKIP LOCKED so several dispatchers (one per worker) share the work
 * without sending a row twice; each row is marked sent, or its retry scheduled, in the same
 * transaction as the lock. A failed row stays pending with exponential backoff: it is never lost.
 */
import type { DataSource } from 'typeorm';
import { OutboxDispatchRepository, type DispatchBatchResult } from '@zhengdun/persistence';
import type { NotificationChannel } from './notification-channel';

export interface DispatcherLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface DispatcherOptions {
  /** Rows locked and sent per transaction (default 10). */
  batchSize?: number;
  /** Wait between polls when nothing was due (default 1 s). */
  pollIntervalMs?: number;
  /** First retry delay (default 5 s); doubles with every failed try. */
  backoffBaseMs?: number;
  /** Longest retry delay (default 1 h). */
  backoffMaxMs?: number;
  logger?: DispatcherLogger;
}

/** Delay before try `attempts + 1` after `attempts` failed tries: base · 2^(attempts−1), capped. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
}

const SILENT: DispatcherLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export class NotificationDispatcher {
  private readonly repository: OutboxDispatchRepository;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly logger: DispatcherLogger;
  private loop?: Promise<void>;
  private stopping = false;
  private wake?: () => void;

  constructor(
    dataSource: DataSource,
    private readonly channel: NotificationChannel,
    options: DispatcherOptions = {},
  ) {
    this.repository = new OutboxDispatchRepository(dataSource);
    this.batchSize = options.batchSize ?? 10;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.backoffBaseMs = options.backoffBaseMs ?? 5000;
    this.backoffMaxMs = options.backoffMaxMs ?? 3_600_000;
    this.logger = options.logger ?? SILENT;
  }

  get channelName(): string {
    return this.channel.name;
  }

  /** One batch: lock, send, record. */
  async dispatchOnce(): Promise<DispatchBatchResult> {
    const result = await this.repository.dispatchBatch(
      this.batchSize,
      (message) => this.channel.send(message),
      (attempts) => backoffDelay(attempts, this.backoffBaseMs, this.backoffMaxMs),
    );
    for (const failure of result.failed) {
      this.logger.warn({ key: failure.key, attempts: failure.attempts, retryInMs: failure.retryInMs, error: failure.error }, 'notification not delivered; will retry');
    }
    return result;
  }

  /** Sends batches until none is due. */
  async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const result = await this.dispatchOnce();
      sent += result.sent.length;
      if (result.sent.length + result.failed.length < this.batchSize) return sent;
    }
  }

  /** Polls until `stop()`. Database errors are logged and retried after the poll interval. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    this.logger.info({ channel: this.channel.name, batchSize: this.batchSize }, 'notification dispatcher started');
    while (!this.stopping) {
      let busy = false;
      try {
        const result = await this.dispatchOnce();
        busy = result.sent.length + result.failed.length >= this.batchSize;
      } catch (error) {
        this.logger.error({ err: error }, 'notification dispatch failed');
      }
      if (!busy && !this.stopping) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Finishes the batch in hand (its transaction commits), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    await this.channel.close?.();
  }
}
