/**
 * Webhook channel: POSTs the notification as JSON, with its outbox key (one per event) as the
 * Idempotency-Key and X-Zhengdun-Event-Id headers: a receiver drops a key it has already seen.
 */
import type { NotificationChannel, OutboxMessage } from './notification-channel';

export interface WebhookPayload {
  key: string;
  caseId: string;
  kind: string;
  title: string;
  body: string;
  recipients: OutboxMessage['recipients'];
  eventAt: string;
}

export class WebhookDeliveryError extends Error {
  override readonly name = 'WebhookDeliveryError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface WebhookChannelOptions {
  /** Abort a request that has not answered by then (default 10 s). */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';
  constructor(
    private readonly url: string,
    private readonly options: WebhookChannelOptions = {},
  ) {}

  async send(message: OutboxMessage): Promise<void> {
    const payload: WebhookPayload = {
      key: message.key,
      caseId: message.caseId,
      kind: message.kind,
      title: message.title,
      body: message.body,
      recipients: message.recipients,
      eventAt: message.eventAt,
    };
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': message.key, 'x-zhengdun-event-id': message.key, ...this.options.headers },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new WebhookDeliveryError(`webhook unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new WebhookDeliveryError(`webhook answered ${response.status}`, response.status);
  }
}
