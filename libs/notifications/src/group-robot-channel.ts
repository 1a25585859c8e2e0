/**
 * The county's work-chat group robots as notification channels: `dingtalk` and `wecom`, each one more
 * channel of the dispatcher (delivered, retried and dead-lettered apart). The robot is the county's
 * (notification_robot, PUT /notifications/robots): a notification goes to the robot of the county its
 * case or campaign belongs to, and a county without that robot has nothing to send on the channel.
 */
import type { DataSource } from 'typeorm';
import { NotificationRobotRepository, type RobotCaseContext, type RobotProvider, type RobotSettings } from '@zhengdun/persistence';
import { PermanentDeliveryError, type ChannelSendResult, type NotificationChannel, type OutboxMessage } from './notification-channel';
import { dingTalkMessage, dingTalkSignedUrl, PERMANENT_ROBOT_ERRCODES, robotMarkdown, WECOM_MAX_CONTENT_BYTES, weComMessage } from './robot-message';

/** Where the robots' settings and the case's organization come from. */
export interface RobotDirectory {
  robotOf(county: string, provider: RobotProvider): Promise<Pick<RobotSettings, 'webhookUrl' | 'secret' | 'siteUrl'> | undefined>;
  caseContext(caseId: string): Promise<RobotCaseContext | undefined>;
}

export class PostgresRobotDirectory implements RobotDirectory {
  private readonly robots: NotificationRobotRepository;
  constructor(dataSource: DataSource) {
    this.robots = new NotificationRobotRepository(dataSource);
  }

  robotOf(county: string, provider: RobotProvider) {
    return this.robots.find(county, provider);
  }

  caseContext(caseId: string) {
    return this.robots.caseContext(caseId);
  }
}

export class RobotDeliveryError extends Error {
  override readonly name = 'RobotDeliveryError';
}

const PROVIDER_LABELS: Record<RobotProvider, string> = { dingtalk: '钉钉机器人', wecom: '企业微信机器人' };

export interface GroupRobotChannelOptions {
  /** Abort a request that has not answered by then (default 10 s). */
  timeoutMs?: number;
  /** The clock DingTalk's signature is stamped with (tests). */
  now?: () => number;
}

export class GroupRobotChannel implements NotificationChannel {
  readonly name: RobotProvider;

  constructor(
    readonly provider: RobotProvider,
    private readonly directory: RobotDirectory,
    private readonly options: GroupRobotChannelOptions = {},
  ) {
    this.name = provider;
  }

  async send(message: OutboxMessage): Promise<ChannelSendResult> {
    if (!message.county) return 'not_configured';
    const robot = await this.directory.robotOf(message.county, this.provider);
    if (!robot) return 'not_configured';
    const org = message.caseId.startsWith('campaign:') ? undefined : await this.directory.caseContext(message.caseId);
    const context = { siteUrl: robot.siteUrl, org };
    const [url, payload] =
      this.provider === 'dingtalk'
        ? [dingTalkSignedUrl(robot.webhookUrl, robot.secret, (this.options.now ?? Date.now)()), dingTalkMessage(robotMarkdown(message, context))]
        : [robot.webhookUrl, weComMessage(robotMarkdown(message, context, WECOM_MAX_CONTENT_BYTES))];
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      // The URL holds the robot's token: the error names the robot, never the URL.
      throw new RobotDeliveryError(`${this.provider} unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new RobotDeliveryError(`${this.provider} answered HTTP ${response.status}`);
    let answer: { errcode?: unknown; errmsg?: unknown };
    try {
      answer = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    } catch {
      throw new RobotDeliveryError(`${this.provider} answered something other than JSON`);
    }
    const errcode = Number(answer.errcode);
    if (errcode === 0) return;
    const detail = `${this.provider} errcode ${String(answer.errcode)}: ${String(answer.errmsg ?? '').slice(0, 300)}`;
    if (PERMANENT_ROBOT_ERRCODES[this.provider].includes(errcode)) {
      throw new PermanentDeliveryError(`${detail}（${PROVIDER_LABELS[this.provider]}设置有误，请县委组织部核对后重新投递）`);
    }
    throw new RobotDeliveryError(detail);
  }
}
