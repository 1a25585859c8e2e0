import type { DataSource, EntityManager } from 'typeorm';
import type { CaseNotification } from '@zhengdun/domain';
import { NotificationEntity } from './entities/notification.entity';

export class NotificationOutboxRepository {
  /** A DataSource, or the EntityManager of a transaction the write should join. */
  constructor(private readonly dataSource: DataSource | EntityManager) {}

  /** Adds notifications to the outbox; a key already there is left as it is (sent once per event). */
  async enqueue(notifications: CaseNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(
        notifications.map((n) => ({
          key: n.key,
          caseId: n.caseId,
          kind: n.kind,
          recipients: n.recipients,
          title: n.title,
          body: n.body,
          eventAt: new Date(n.at),
        })),
      )
      .orIgnore()
      .execute();
  }

  forCase(caseId: string): Promise<NotificationEntity[]> {
    return this.dataSource.getRepository(NotificationEntity).find({ where: { caseId }, order: { eventAt: 'ASC', key: 'ASC' } });
  }
}
