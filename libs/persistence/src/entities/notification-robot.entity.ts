import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ROBOT_PROVIDERS = ['dingtalk', 'wecom'] as const;
/** The work-chat group robots county offices use: DingTalk (钉钉) and WeCom (企业微信). */
export type RobotProvider = (typeof ROBOT_PROVIDERS)[number];

/**
 * A county's group robot: where its messages go (`webhook_url`, which holds the robot's token),
 * DingTalk's 加签 secret when the robot has one, and the site address the messages link to.
 * Secrets are read by the dispatcher only; the API never answers them back.
 */
@Entity({ name: 'notification_robot' })
export class NotificationRobotEntity {
  @PrimaryColumn({ type: 'text' })
  county!: string;

  @PrimaryColumn({ type: 'text' })
  provider!: RobotProvider;

  @Column({ name: 'webhook_url', type: 'text' })
  webhookUrl!: string;

  @Column({ type: 'text', nullable: true })
  secret!: string | null;

  @Column({ name: 'site_url', type: 'text' })
  siteUrl!: string;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
