import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { SanctionListService } from './sanction-list.service.js';
import { SanctionsController } from './sanctions.controller.js';
import { SanctionsService } from './sanctions.service.js';
import { StandingService } from './standing.service.js';

@Module({
  imports: [UsersModule, NotificationsModule],
  controllers: [SanctionsController],
  providers: [SanctionsService, SanctionListService, StandingService],
  exports: [StandingService],
})
export class SanctionsModule {}
