import { Module } from '@nestjs/common';
import { QueueFeed } from './queue-feed.service.js';
import { StaffingService } from './staffing.service.js';

/** The queue's write side, apart from the moderation module so the forum can feed it without a cycle. */
@Module({ providers: [QueueFeed, StaffingService], exports: [QueueFeed, StaffingService] })
export class QueueFeedModule {}
