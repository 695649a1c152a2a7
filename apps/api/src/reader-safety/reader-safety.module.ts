import { Module } from '@nestjs/common';
import { ForumModule } from '../forum/forum.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ScreeningModule } from '../screening/screening.module.js';
import { UsersModule } from '../users/users.module.js';
import { ReactionsService } from './reactions.service.js';
import {
  ContentWarningsController,
  ReactionsController,
  ReaderChoicesController,
  ScreeningCheckController,
  UnansweredController,
} from './reader-safety.controller.js';
import { ReaderDataModule } from './reader-data.module.js';
import { ReaderSafetyService } from './reader-safety.service.js';
import { ScreeningCheckService } from './screening-check.service.js';

/**
 * Reader safety (issue 18): help before sending, content warnings, each reader's filters and
 * ignore list, gentle reactions, and the hosts' list of threads nobody has answered. The forum
 * shows posts through ReaderDataModule's lens; these are the endpoints.
 */
@Module({
  imports: [ReaderDataModule, ForumModule, NotificationsModule, ScreeningModule, UsersModule],
  controllers: [
    ScreeningCheckController,
    ContentWarningsController,
    ReaderChoicesController,
    ReactionsController,
    UnansweredController,
  ],
  providers: [ReaderSafetyService, ReactionsService, ScreeningCheckService],
})
export class ReaderSafetyModule {}
