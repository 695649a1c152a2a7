import { Module } from '@nestjs/common';
import { ForumModule } from '../forum/forum.module.js';
import { QueueFeedModule } from '../moderation/queue-feed.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ScreeningModule } from '../screening/screening.module.js';
import { UsersModule } from '../users/users.module.js';
import { ConsultationModeration } from './consultation-moderation.service.js';
import { ConsultationsClock } from './consultations-clock.service.js';
import { ConsultationsController } from './consultations.controller.js';
import { ConsultationsRepository } from './consultations.repository.js';
import { ConsultationsService } from './consultations.service.js';

/** Consultations (rådslag): asked, answered, reported on, acknowledged. */
@Module({
  imports: [ForumModule, NotificationsModule, ScreeningModule, UsersModule, QueueFeedModule],
  controllers: [ConsultationsController],
  providers: [ConsultationsRepository, ConsultationsService, ConsultationsClock, ConsultationModeration],
  exports: [ConsultationModeration, ConsultationsRepository],
})
export class ConsultationsModule {}
