import { Module } from '@nestjs/common';
import { QueueFeed } from './queue-feed.service.js';

/** The queue's write side, apart from the moderation module so the forum can feed it without a cycle. */
@Module({ providers: [QueueFeed], exports: [QueueFeed] })
export class QueueFeedModule {}
