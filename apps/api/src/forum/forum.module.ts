import { Module } from '@nestjs/common';
import { DirectoryDataModule } from '../directory/directory-data.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { QueueFeedModule } from '../moderation/queue-feed.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ScreeningModule } from '../screening/screening.module.js';
import { UsersModule } from '../users/users.module.js';
import { ReaderDataModule } from '../reader-safety/reader-data.module.js';
import { CategoriesController } from './categories.controller.js';
import { CategoriesRepository } from './categories.repository.js';
import { CategoriesService } from './categories.service.js';
import { ContentRenderer } from './content-renderer.service.js';
import { FlagsService } from './flags.service.js';
import { ForumWriter } from './forum-writer.service.js';
import { HoldingService } from './holding.service.js';
import { LockedWrite } from './locked-write.service.js';
import { PostsController } from './posts.controller.js';
import { PostsRepository } from './posts.repository.js';
import { PostsService } from './posts.service.js';
import { OwnAnonymousThreads } from './own-anonymous-threads.service.js';
import { SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';
import { ModThreadsController, ThreadsController } from './threads.controller.js';
import { ThreadsRepository } from './threads.repository.js';
import { ThreadsService } from './threads.service.js';

@Module({
  imports: [
    IdentityModule,
    QueueFeedModule,
    NotificationsModule,
    ScreeningModule,
    UsersModule,
    ReaderDataModule,
    DirectoryDataModule,
  ],
  controllers: [CategoriesController, ThreadsController, ModThreadsController, PostsController],
  providers: [
    CategoriesRepository,
    ThreadsRepository,
    PostsRepository,
    CategoriesService,
    ThreadsService,
    PostsService,
    OwnAnonymousThreads,
    SearchRepository,
    SearchService,
    ForumWriter,
    LockedWrite,
    HoldingService,
    ContentRenderer,
    FlagsService,
  ],
  exports: [
    PostsService,
    ForumWriter,
    LockedWrite,
    ContentRenderer,
    PostsRepository,
    ThreadsRepository,
    OwnAnonymousThreads,
    ThreadsService,
  ],
})
export class ForumModule {}
