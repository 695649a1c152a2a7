import { Module } from '@nestjs/common';
import { Mailer } from './mailer.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

/** Notifications: written by the forum, moderation and sanctions, so it depends on none of them. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, Mailer],
  exports: [NotificationsService],
})
export class NotificationsModule {}
