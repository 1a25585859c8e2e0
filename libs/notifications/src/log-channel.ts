/** Development channel: writes each notification to the log instead of sending it. */
import type { NotificationChannel, OutboxMessage } from './notification-channel';

export interface ChannelLogger {
  info(fields: Record<string, unknown>, message: string): void;
}

export class LogChannel implements NotificationChannel {
  readonly name = 'log';
  constructor(private readonly logger: ChannelLogger) {}

  async send(message: OutboxMessage): Promise<void> {
    this.logger.info({ key: message.key, caseId: message.caseId, kind: message.kind, recipients: message.recipients, title: message.title }, 'notification (log channel)');
  }
}
