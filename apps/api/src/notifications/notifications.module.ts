import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { UsersModule } from '../users/users.module.js';
import { Mailer } from './mailer.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/** Notifications: written by the forum, moderation and sanctions, so it depends on none of them. */
@Module({
  imports: [UsersModule, IdentityModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, Mailer],
  exports: [NotificationsService, Mailer],
})
export class NotificationsModule {}
