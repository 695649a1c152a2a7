import { Module } from '@nestjs/common';
import { RedisConnection } from '../common/redis.provider.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { IdentityModule } from '../identity/identity.module.js';
import { QueueFeedModule } from '../moderation/queue-feed.module.js';
import { ScreeningModule } from '../screening/screening.module.js';
import { UsersModule } from '../users/users.module.js';
import { ReaderDataModule } from '../reader-safety/reader-data.module.js';
import { CafeHostTools } from './cafe-host.service.js';
import { CafeMaintenance } from './cafe-maintenance.service.js';
import { CafeMessagesRepository } from './cafe-messages.repository.js';
import { CafeModerationService } from './cafe-moderation.service.js';
import { CafeRoomsRepository } from './cafe-rooms.repository.js';
import { CafeRoomsService } from './cafe-rooms.service.js';
import { CafeBroadcaster } from './cafe.broadcaster.js';
import { CafeController } from './cafe.controller.js';
import { CafeGateway } from './cafe.gateway.js';
import { CafeService } from './cafe.service.js';
import { CafeStateStore } from './state/cafe-state.js';
import { LazyCafeStateStore } from './state/lazy-cafe-state.js';

/**
 * The live café: rooms and opening hours (REST), the /cafe namespace, and its housekeeping. Other
 * features reach it through CafeModerationService (the queue, sanctions) and CafeMessagesRepository
 * (a member's export).
 */
@Module({
  imports: [IdentityModule, ScreeningModule, QueueFeedModule, UsersModule, ReaderDataModule],
  controllers: [CafeController],
  providers: [
    CafeRoomsRepository,
    CafeMessagesRepository,
    CafeModerationService,
    CafeRoomsService,
    CafeHostTools,
    CafeService,
    CafeBroadcaster,
    CafeGateway,
    CafeMaintenance,
    {
      provide: CafeStateStore,
      useFactory: (redis: RedisConnection, config: AppConfig) => new LazyCafeStateStore(redis, config.redisPrefix),
      inject: [RedisConnection, APP_CONFIG],
    },
  ],
  exports: [CafeModerationService, CafeMessagesRepository],
})
export class CafeModule {}
