import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pino from 'pino';
import type { DataSource } from 'typeorm';
import { channelFromConfig, NotificationDispatcher } from '@zhengdun/campaigns';
import type { AppConfig } from '@zhengdun/config';
import { APP_CONFIG, DATA_SOURCE, LOGGER } from './tokens';

/**
 * Sends the notification outbox for the life of the worker: webhook (NOTIFY_WEBHOOK_URL), e-mail
 * (SMTP_URL), or the log when neither is set. Several workers share the outbox safely (SKIP LOCKED).
 */
@Injectable()
export class NotificationDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private dispatcher?: NotificationDispatcher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: pino.Logger,
  ) {}

  onApplicationBootstrap(): void {
    const logger = this.logger.child({ component: 'notifications' });
    const channel = channelFromConfig(this.config.notify, { logger });
    this.dispatcher = new NotificationDispatcher(this.dataSource, channel, { logger });
    this.dispatcher.start();
    logger.info({ channel: channel.name }, 'notification dispatcher running');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher?.stop();
  }
}
