import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationInboxRepository, NotificationRobotRepository, OutboxDispatchRepository, RecipientContactRepository } from '@zhengdun/persistence';
import { InboxController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The county's view of notification delivery (dead letters, recipient directory, robots) and everyone's inbox. */
@Module({
  controllers: [NotificationsController, InboxController],
  providers: [
    NotificationsService,
    // The API lists and re-queues dead letters, never leases rows: its owner name only keeps it apart from the workers'.
    { provide: OutboxDispatchRepository, inject: [DataSource], useFactory: (dataSource: DataSource) => new OutboxDispatchRepository(dataSource, 'api') },
    { provide: RecipientContactRepository, inject: [DataSource], useFactory: (dataSource: DataSource) => new RecipientContactRepository(dataSource) },
    { provide: NotificationInboxRepository, inject: [DataSource], useFactory: (dataSource: DataSource) => new NotificationInboxRepository(dataSource) },
    { provide: NotificationRobotRepository, inject: [DataSource], useFactory: (dataSource: DataSource) => new NotificationRobotRepository(dataSource) },
  ],
})
export class NotificationsModule {}
