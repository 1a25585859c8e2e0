/**
 * Sends the notification outbox. Polls notification_outbox for due pending rows in small batches and
 * leases them in one short statement (SKIP LOCKED, then a lease owner and end, committed at once), so
 * several dispatchers (one per worker) share the work and no lock is held while anything is sent.
 * Each channel is sent apart, outside any transaction, and its outcome recorded right after the send
 * in its own statement: a channel that delivered is never sent again, a failed one is retried with
 * exponential backoff up to `maxAttempts`, then the row is dead-lettered for the county to see.
 * A dispatcher killed mid-send leaves its rows leased until the lease runs out; the next one sends
 * only the channels not recorded as delivered. Delivery is therefore at least once per channel, and
 * the one send that can repeat (sent, not yet recorded) carries the same idempotency key.
 */
import type { DataSource } from 'typeorm';
import { OutboxDispatchRepository, type ClaimedNotification, type DispatchBatchResult, type RowOutcome } from '@zhengdun/persistence';
import { CompositeChannel, PermanentDeliveryError, type ChannelSendResult, type NotificationChannel } from './notification-channel';

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
  /** Tries per channel before the notification is dead-lettered (default 8). */
  maxAttempts?: number;
  /** How long a claimed row stays this dispatcher's (default 2 min); renewed before each row is sent. */
  leaseMs?: number;
  /** Names this dispatcher on the rows it leases (default host:pid:random). */
  owner?: string;
  logger?: DispatcherLogger;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_LEASE_MS = 120_000;

/** Delay before try `attempts + 1` after `attempts` failed tries: base · 2^(attempts−1), capped. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
}

const SILENT: DispatcherLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export class NotificationDispatcher {
  private readonly repository: OutboxDispatchRepository;
  private readonly channels: NotificationChannel[];
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly logger: DispatcherLogger;
  private loop?: Promise<void>;
  private stopping = false;
  private wake?: () => void;

  constructor(
    dataSource: DataSource,
    private readonly channel: NotificationChannel,
    options: DispatcherOptions = {},
  ) {
    this.repository = new OutboxDispatchRepository(dataSource, options.owner);
    // Each member of a composite is its own channel: delivered, retried and dead-lettered apart.
    this.channels = channel instanceof CompositeChannel ? channel.channels : [channel];
    if (new Set(this.channels.map((c) => c.name)).size !== this.channels.length) throw new Error('notification channels need distinct names');
    this.batchSize = options.batchSize ?? 10;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.backoffBaseMs = options.backoffBaseMs ?? 5000;
    this.backoffMaxMs = options.backoffMaxMs ?? 3_600_000;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.logger = options.logger ?? SILENT;
  }

  get channelName(): string {
    return this.channel.name;
  }

  /** The id this dispatcher writes on the rows it leases. */
  get owner(): string {
    return this.repository.owner;
  }

  /** One batch: lease, send each channel outside any transaction, record each outcome, close each row. */
  async dispatchOnce(): Promise<DispatchBatchResult> {
    const claimed = await this.repository.claim(this.batchSize, this.leaseMs);
    const result: DispatchBatchResult = { sent: [], failed: [], dead: [] };
    for (const row of claimed) {
      const outcome = await this.deliver(row);
      if (!outcome) continue;
      const closed = await this.repository.finish(row.key, outcome);
      if (!closed) {
        this.logger.warn({ key: row.key }, 'notification lease lost before it was closed; another dispatcher goes on with it');
        continue;
      }
      if (outcome.status === 'sent') result.sent.push(row.key);
      else if (outcome.status === 'dead') {
        result.dead.push({ key: row.key, error: outcome.error });
        this.logger.error({ key: row.key, caseId: row.caseId, error: outcome.error }, 'notification dead-lettered: attempts used up or undeliverable');
      } else {
        result.failed.push({ key: row.key, attempts: row.attempts + 1, error: outcome.error, retryInMs: outcome.retryInMs });
        this.logger.warn({ key: row.key, attempts: row.attempts + 1, retryInMs: outcome.retryInMs, error: outcome.error }, 'notification not delivered; will retry');
      }
    }
    return result;
  }

  /** Sends the row on every channel that has not delivered it; undefined when the lease was lost. */
  private async deliver(row: ClaimedNotification): Promise<RowOutcome | undefined> {
    const deliveries = await this.repository.renewLease(row.key, this.leaseMs);
    if (!deliveries) return undefined;
    const errors: string[] = [];
    let retryAfterAttempts = 0;
    let dead = false;
    for (const channel of this.channels) {
      const before = deliveries[channel.name];
      if (before?.status === 'delivered') continue;
      if (before?.status === 'dead') {
        dead = true;
        errors.push(before.lastError ?? `${channel.name}: dead`);
        continue;
      }
      let failure: unknown;
      let result: ChannelSendResult = undefined;
      try {
        result = await channel.send(row);
      } catch (error) {
        failure = error ?? new Error('channel failed');
      }
      if (failure === undefined && result === 'not_configured') continue;
      if (failure === undefined) {
        // Recorded at once, in its own statement: a crash after this never re-sends this channel.
        await this.repository.recordDelivered(row.key, channel.name);
        continue;
      }
      const text = (failure instanceof Error ? failure.message : String(failure)).slice(0, 2000);
      const recorded = await this.repository.recordFailed(row.key, channel.name, text, {
        maxAttempts: this.maxAttempts,
        permanent: failure instanceof PermanentDeliveryError,
      });
      errors.push(text);
      if (recorded.status === 'dead') dead = true;
      else retryAfterAttempts = Math.max(retryAfterAttempts, recorded.attempts);
    }
    if (errors.length === 0) return { status: 'sent' };
    const error = errors.join('; ');
    // A channel still worth retrying keeps the row pending (its dead channels are not tried again);
    // once none is, the row is dead-lettered with the channels that did deliver kept as delivered.
    if (retryAfterAttempts > 0) return { status: 'pending', error, retryInMs: Math.max(0, Math.round(this.backoff(retryAfterAttempts))) };
    return dead ? { status: 'dead', error } : { status: 'sent' };
  }

  private backoff(attempts: number): number {
    return backoffDelay(attempts, this.backoffBaseMs, this.backoffMaxMs);
  }

  /** Sends batches until none is due. */
  async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const result = await this.dispatchOnce();
      sent += result.sent.length;
      if (result.sent.length + result.failed.length + result.dead.length < this.batchSize) return sent;
    }
  }

  /** Polls until `stop()`. Database errors are logged and retried after the poll interval. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    this.logger.info({ channel: this.channel.name, batchSize: this.batchSize, maxAttempts: this.maxAttempts, leaseMs: this.leaseMs, owner: this.owner }, 'notification dispatcher started');
    while (!this.stopping) {
      let busy = false;
      try {
        const result = await this.dispatchOnce();
        busy = result.sent.length + result.failed.length + result.dead.length >= this.batchSize;
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

  /** Finishes the batch in hand (each row closed), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    await this.channel.close?.();
  }
}
