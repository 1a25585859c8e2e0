import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pino from 'pino';
import type { DataSource } from 'typeorm';
import { channelFromConfig, NotificationDispatcher, PostgresRecipientDirectory, PostgresRobotDirectory } from '@zhengdun/notifications';
import type { AppConfig } from '@zhengdun/config';
import { APP_CONFIG, DATA_SOURCE, LOGGER } from './tokens';

/**
 * Sends the notification outbox for the life of the worker: webhook (NOTIFY_WEBHOOK_URL), e-mail
 * (SMTP_URL) to the county's recipient directory, or the log when neither is set; and each county's
 * DingTalk / WeCom group robots (PUT /notifications/robots). Several workers
 * share the outbox safely (rows are leased, NOTIFY_LEASE_MS); each channel is tried up to
 * NOTIFY_MAX_ATTEMPTS times, then the notification is dead-lettered for the county.
 */
@Injectable()
export class NotificationDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private dispatcher?: NotificationDispatcher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: pino.Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const logger = this.logger.child({ component: 'notifications' });
    const directory = new PostgresRecipientDirectory(this.dataSource);
    if (this.config.notify.smtpUrl && (await directory.entriesWithEmail()) === 0) {
      // The worker still starts: it also runs every case's deadlines, which must not stop for a missing
      // directory. Nothing is guessed or lost: each e-mail is dead-lettered "no_address", listed for the
      // county (GET /notifications/dead-letters) and re-queued once addresses are entered.
      logger.error(
        {},
        'SMTP_URL is set but the recipient directory has no e-mail address: e-mail delivery cannot reach anyone. ' +
          'Enter addresses with PUT /notifications/contacts (county department); until then every e-mail is dead-lettered "no_address".',
      );
    }
    const channel = channelFromConfig(this.config.notify, { logger, directory, robots: new PostgresRobotDirectory(this.dataSource) });
    this.dispatcher = new NotificationDispatcher(this.dataSource, channel, {
      logger,
      maxAttempts: this.config.notify.maxAttempts,
      backoffBaseMs: this.config.notify.retryBaseMs,
      leaseMs: this.config.notify.leaseMs,
    });
    this.dispatcher.start();
    logger.info({ channel: channel.name }, 'notification dispatcher running');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher?.stop();
  }
}
