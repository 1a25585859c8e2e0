import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A user has read an outbox notification (the inbox's read flag); no row means unread. */
@Entity({ name: 'notification_read' })
@Index('idx_notification_read_key', ['notificationKey'])
export class NotificationReadEntity {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId!: string;

  @PrimaryColumn({ name: 'notification_key', type: 'text' })
  notificationKey!: string;

  @Column({ name: 'read_at', type: 'timestamptz', default: () => 'now()' })
  readAt!: Date;
}
