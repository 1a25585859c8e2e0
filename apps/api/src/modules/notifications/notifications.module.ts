import { Module } from '@nestjs/common';
import { InboxController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The county's view of notification delivery (dead letters, recipient directory, robots) and everyone's inbox. */
@Module({ controllers: [NotificationsController, InboxController], providers: [NotificationsService] })
export class NotificationsModule {}
