/**
 * One interface for every way a notification leaves the system. A channel either delivers the
 * message or throws; the dispatcher retries a throw later with backoff, up to its bounded attempts,
 * and records each channel's outcome apart (a failed e-mail never re-sends the webhook). `key` is
 * the outbox key, one per event: receivers use it to drop a repeat (webhook Idempotency-Key and
 * X-Zhengdun-Event-Id headers, e-mail Message-ID). Delivery is at least once, with that key.
 */
import type { OutboxMessage } from '@zhengdun/persistence';

export type { OutboxMessage };

/**
 * `not_configured`: the channel has nowhere to send this message (a county without a robot of its
 * kind). Nothing is recorded for the channel, and the row does not wait on it.
 */
export type ChannelSendResult = void | 'not_configured';

export interface NotificationChannel {
  readonly name: string;
  send(message: OutboxMessage): Promise<ChannelSendResult>;
  close?(): Promise<void>;
}

/** A failure no retry can fix (e.g. no address for any recipient): the channel is dead-lettered at once. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/**
 * Several channels under one name. The dispatcher sends through each member apart and records each
 * one's outcome; `send` here (all in turn, the first failure stops) is for direct use only.
 */
export class CompositeChannel implements NotificationChannel {
  readonly name: string;
  constructor(readonly channels: NotificationChannel[]) {
    this.name = channels.map((channel) => channel.name).join('+');
  }

  async send(message: OutboxMessage): Promise<ChannelSendResult> {
    for (const channel of this.channels) await channel.send(message);
  }

  async close(): Promise<void> {
    for (const channel of this.channels) await channel.close?.();
  }
}
