import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ScreeningModule } from '../screening/screening.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdminAssignmentsController, MyPoolController } from './assignments.controller.js';
import { AssignmentsRepository } from './assignments.repository.js';
import { AssignmentsService } from './assignments.service.js';
import { PoolClock } from './pool-clock.service.js';
import { NewsletterService } from './newsletter.service.js';
import {
  AdminNewsletterController,
  AdminRecruitmentController,
  RecruitmentController,
  UnsubscribeController,
} from './recruitment.controller.js';
import { NewsletterRepository, RecruitmentRepository } from './recruitment.repository.js';
import { RecruitmentService } from './recruitment.service.js';

/** The panel's pool (issue 16): recruitment, pool profiles, assignments with a backup, check-ins, newsletters. */
@Module({
  imports: [NotificationsModule, ScreeningModule, UsersModule],
  controllers: [
    RecruitmentController,
    AdminRecruitmentController,
    AdminAssignmentsController,
    MyPoolController,
    AdminNewsletterController,
    UnsubscribeController,
  ],
  exports: [AssignmentsRepository],
  providers: [
    RecruitmentRepository,
    RecruitmentService,
    AssignmentsRepository,
    AssignmentsService,
    PoolClock,
    NewsletterRepository,
    NewsletterService,
  ],
})
export class PoolModule {}
