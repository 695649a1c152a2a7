import { Module } from '@nestjs/common';
import { QueueFeedModule } from '../moderation/queue-feed.module.js';
import { DirectoryClock } from './directory-clock.service.js';
import { DirectoryDataModule } from './directory-data.module.js';
import { DirectoryModeration } from './directory-moderation.service.js';
import { DirectoryController } from './directory.controller.js';
import { DirectoryService } from './directory.service.js';
import { EmbedController } from './embed.controller.js';
import { HsdsController } from './hsds.controller.js';

/** The activity directory (aktivitetstilbud): the HSDS feed, suggestions, moderators' work, the embed. */
@Module({
  imports: [DirectoryDataModule, QueueFeedModule],
  controllers: [HsdsController, DirectoryController, EmbedController],
  providers: [DirectoryService, DirectoryModeration, DirectoryClock],
  exports: [DirectoryModeration, DirectoryService],
})
export class DirectoryModule {}
