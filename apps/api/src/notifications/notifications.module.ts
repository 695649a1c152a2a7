import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { Mailer } from './mailer.service.js';
import { MeGateway } from './me.gateway.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [AuthModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, Mailer, MeGateway],
  exports: [NotificationsService],
})
export class NotificationsModule {}
