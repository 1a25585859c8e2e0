import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotificationKind, Recipient } from '@zhengdun/domain';

/** pending: still to deliver on some channel; sent: every channel delivered; dead: given up (see `deliveries`). */
export type NotificationStatus = 'pending' | 'sent' | 'dead';

/** One channel's delivery of one notification. */
export interface ChannelDelivery {
  /** delivered; failed (will be retried); dead (attempts used up, or a failure no retry can fix). */
  status: 'delivered' | 'failed' | 'dead';
  attempts: number;
  deliveredAt?: string;
  lastAttemptAt: string;
  lastError?: string;
}

/**
 * The outbox: a notification is written once per event key and sent by the dispatcher until every
 * channel has delivered it, or until it is dead-lettered after the bounded attempts.
 */
@Entity({ name: 'notification_outbox' })
@Index('idx_outbox_pending', ['status', 'nextAttemptAt'], { where: `status = 'pending'` })
@Index('idx_outbox_case', ['caseId'])
@Index('idx_outbox_dead', ['deadAt'], { where: `status = 'dead'` })
@Index('idx_outbox_event_at', ['eventAt'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  /** GIN-indexed (idx_outbox_recipients, jsonb_path_ops): the inbox looks a user up with `@>`. */
  @Index('idx_outbox_recipients', { synchronize: false })
  @Column({ type: 'jsonb' })
  recipients!: Recipient[];

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'event_at', type: 'timestamptz' })
  eventAt!: Date;

  @Column({ type: 'text', default: 'pending' })
  status!: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** The dispatcher process holding the row while it sends, and until when (a dead one's lease runs out). */
  @Column({ name: 'lease_owner', type: 'text', nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'leased_until', type: 'timestamptz', nullable: true })
  leasedUntil!: Date | null;

  /** Per channel name: what happened to this notification on that channel. */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  deliveries!: Record<string, ChannelDelivery>;

  @Column({ name: 'dead_at', type: 'timestamptz', nullable: true })
  deadAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
