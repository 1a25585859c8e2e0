/**
 * One interface for every way a notification leaves the system. A channel either delivers the
 * message or throws; the dispatcher retries a throw later with backoff. `key` is the outbox key:
 * receivers use it to drop a repeat (Idempotency-Key header, e-mail Message-ID).
 */
import type { OutboxMessage } from '@zhengdun/persistence';

export type { OutboxMessage };

export interface NotificationChannel {
  readonly name: string;
  send(message: OutboxMessage): Promise<void>;
  close?(): Promise<void>;
}

/** Delivers through every channel; a failure of any fails the whole (and is retried through all). */
export class CompositeChannel implements NotificationChannel {
  readonly name: string;
  constructor(private readonly channels: NotificationChannel[]) {
    this.name = channels.map((channel) => channel.name).join('+');
  }

  async send(message: OutboxMessage): Promise<void> {
    for (const channel of this.channels) await channel.send(message);
  }

  async close(): Promise<void> {
    for (const channel of this.channels) await channel.close?.();
  }
}
