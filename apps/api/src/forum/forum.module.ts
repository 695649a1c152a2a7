import { Module } from '@nestjs/common';
import { QueueFeedModule } from '../moderation/queue-feed.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SanctionsModule } from '../sanctions/sanctions.module.js';
import { ScreeningModule } from '../screening/screening.module.js';
import { CategoriesController } from './categories.controller.js';
import { CategoriesService } from './categories.service.js';
import { ContentRenderer } from './content-renderer.service.js';
import { FlagsService } from './flags.service.js';
import { ForumWriter } from './forum-writer.service.js';
import { HoldingService } from './holding.service.js';
import { PostsController } from './posts.controller.js';
import { PostsService } from './posts.service.js';
import { SearchService } from './search.service.js';
import { ModThreadsController, ThreadsController } from './threads.controller.js';
import { ThreadsService } from './threads.service.js';

@Module({
  imports: [SanctionsModule, QueueFeedModule, NotificationsModule, ScreeningModule],
  controllers: [CategoriesController, ThreadsController, ModThreadsController, PostsController],
  providers: [
    CategoriesService,
    ThreadsService,
    PostsService,
    SearchService,
    ForumWriter,
    HoldingService,
    ContentRenderer,
    FlagsService,
  ],
  exports: [HoldingService, PostsService, ForumWriter, ContentRenderer],
})
export class ForumModule {}
