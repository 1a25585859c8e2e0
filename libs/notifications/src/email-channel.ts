/**
 * E-mail over SMTP (nodemailer) to the addresses the recipient directory holds. The Message-ID is
 * derived from the outbox key (one per event), so a resend is recognisable and a receiving system
 * can drop it; the key itself travels as X-Zhengdun-Event-Id.
 */
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { PermanentDeliveryError, type NotificationChannel, type OutboxMessage } from './notification-channel';
import type { RecipientDirectory } from './recipient-directory';

export interface EmailChannelOptions {
  /** smtp://user:pass@host:port or smtps://… ; or a ready transporter (tests use nodemailer's jsonTransport). */
  smtpUrl?: string;
  transporter?: Transporter;
  directory: RecipientDirectory;
  from?: string;
}

/** The Message-ID of an event's e-mail: the same for every resend of that event. */
export function emailMessageId(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@zhengdun>`;
}

export class EmailChannel implements NotificationChannel {
  readonly name = 'email';
  private readonly transporter: Transporter;
  private readonly from: string;

  constructor(private readonly options: EmailChannelOptions) {
    if (!options.transporter && !options.smtpUrl) throw new Error('EmailChannel needs smtpUrl or a transporter');
    // Bounded, and well inside the dispatcher's lease (NOTIFY_LEASE_MS, 2 min by default): a hung server
    // fails this try instead of outliving the lease and letting another worker send the same e-mail.
    this.transporter = options.transporter ?? nodemailer.createTransport({ url: options.smtpUrl!, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    this.from = options.from ?? '整顿工作提醒 <noreply@example.invalid>';
  }

  async send(message: OutboxMessage): Promise<void> {
    const to = await this.options.directory.addressesOf(message.recipients, message.county);
    // Nobody to write to: retrying cannot help until the directory is filled, so dead-letter it at once.
    if (to.length === 0) throw new PermanentDeliveryError('no_address: no e-mail address in the recipient directory for any recipient');
    const id = emailMessageId(message.key);
    await this.transporter.sendMail({
      from: this.from,
      to,
      subject: message.title,
      text: message.body,
      messageId: id,
      headers: { 'X-Zhengdun-Key': message.key, 'X-Zhengdun-Event-Id': message.key, 'X-Zhengdun-Kind': message.kind },
    });
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
