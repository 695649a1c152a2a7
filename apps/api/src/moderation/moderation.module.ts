import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { CafeModule } from '../cafe/cafe.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { ForumModule } from '../forum/forum.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ScreeningModule } from '../screening/screening.module.js';
import { UsersModule } from '../users/users.module.js';
import { ModPostsController } from './mod-posts.controller.js';
import { ModPostsService } from './mod-posts.service.js';
import { ModGateway } from './mod.gateway.js';
import { QueueFeedModule } from './queue-feed.module.js';
import { QueueSources } from './queue-sources.service.js';
import { QueueController } from './queue.controller.js';
import { QueueService } from './queue.service.js';
import { StatsController } from './stats.controller.js';
import { StatsService } from './stats.service.js';

@Module({
  imports: [
    CafeModule,
    ConsultationsModule,
    DirectoryModule,
    ForumModule,
    IdentityModule,
    NotificationsModule,
    QueueFeedModule,
    ScreeningModule,
    UsersModule,
  ],
  controllers: [QueueController, ModPostsController, StatsController],
  providers: [QueueService, QueueSources, ModPostsService, StatsService, ModGateway],
})
export class ModerationModule {}
