/** E-mail over SMTP (nodemailer). The Message-ID is derived from the outbox key, so a resend is recognisable. */
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { NotificationChannel, OutboxMessage } from './notification-channel';
import type { RecipientDirectory } from './recipient-directory';

export interface EmailChannelOptions {
  /** smtp://user:pass@host:port or smtps://… ; or a ready transporter (tests use nodemailer's jsonTransport). */
  smtpUrl?: string;
  transporter?: Transporter;
  directory: RecipientDirectory;
  from?: string;
}

export class EmailChannel implements NotificationChannel {
  readonly name = 'email';
  private readonly transporter: Transporter;
  private readonly from: string;

  constructor(private readonly options: EmailChannelOptions) {
    if (!options.transporter && !options.smtpUrl) throw new Error('EmailChannel needs smtpUrl or a transporter');
    this.transporter = options.transporter ?? nodemailer.createTransport(options.smtpUrl!);
    this.from = options.from ?? '整顿工作提醒 <noreply@example.invalid>';
  }

  async send(message: OutboxMessage): Promise<void> {
    const to = await this.options.directory.addressesOf(message.recipients);
    if (to.length === 0) return; // nobody to write to: nothing to retry
    const id = createHash('sha256').update(message.key).digest('hex').slice(0, 32);
    await this.transporter.sendMail({
      from: this.from,
      to,
      subject: message.title,
      text: message.body,
      messageId: `<${id}@zhengdun>`,
      headers: { 'X-Zhengdun-Key': message.key, 'X-Zhengdun-Kind': message.kind },
    });
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
