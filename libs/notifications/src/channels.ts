/**
 * Picks the notification channels from configuration (NOTIFY_WEBHOOK_URL, SMTP_URL); the log channel
 * when neither is set. E-mail goes to the given directory's addresses; without one, nobody has an address.
 * With a robot directory, the counties' DingTalk and WeCom group robots are two more channels (a county
 * without a robot has nothing sent on it).
 */
import { CompositeChannel, type NotificationChannel } from './notification-channel';
import { EmailChannel } from './email-channel';
import { LogChannel, type ChannelLogger } from './log-channel';
import { EmptyRecipientDirectory, type RecipientDirectory } from './recipient-directory';
import { WebhookChannel } from './webhook-channel';
import { GroupRobotChannel, type RobotDirectory } from './group-robot-channel';

export interface NotifyConfig {
  webhookUrl?: string;
  smtpUrl?: string;
  /** Sender address (SMTP_FROM). */
  smtpFrom?: string;
}

export function channelFromConfig(config: NotifyConfig, deps: { logger: ChannelLogger; directory?: RecipientDirectory; emailFrom?: string; robots?: RobotDirectory }): NotificationChannel {
  const channels: NotificationChannel[] = [];
  if (config.webhookUrl) channels.push(new WebhookChannel(config.webhookUrl));
  if (config.smtpUrl) {
    channels.push(new EmailChannel({ smtpUrl: config.smtpUrl, directory: deps.directory ?? new EmptyRecipientDirectory(), from: deps.emailFrom ?? config.smtpFrom }));
  }
  if (channels.length === 0) channels.push(new LogChannel(deps.logger));
  if (deps.robots) channels.push(new GroupRobotChannel('dingtalk', deps.robots), new GroupRobotChannel('wecom', deps.robots));
  return channels.length === 1 ? channels[0] : new CompositeChannel(channels);
}
