import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotificationKind, Recipient } from '@zhengdun/domain';

export type NotificationStatus = 'pending' | 'sent' | 'failed';

/** The outbox: a notification is written once per event key and sent by the dispatcher until delivered. */
@Entity({ name: 'notification_outbox' })
@Index('idx_outbox_pending', ['status', 'nextAttemptAt'], { where: `status = 'pending'` })
@Index('idx_outbox_case', ['caseId'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

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

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
