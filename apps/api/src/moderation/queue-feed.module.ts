import { Module } from '@nestjs/common';
import { FlagsRepository } from './flags.repository.js';
import { QueueFeed } from './queue-feed.service.js';
import { QueueRepository } from './queue.repository.js';

/**
 * The queue's tables and write side, apart from the moderation module so the forum and the café
 * can feed it without a cycle.
 */
@Module({
  providers: [QueueRepository, FlagsRepository, QueueFeed],
  exports: [QueueFeed, QueueRepository, FlagsRepository],
})
export class QueueFeedModule {}
