import { Module } from '@nestjs/common';
import { RedisConnection } from '../common/redis.provider.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { QueueFeedModule } from '../moderation/queue-feed.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { ScreeningModule } from '../screening/screening.module.js';
import { CafeMaintenance } from './cafe-maintenance.service.js';
import { CafeRoomsService } from './cafe-rooms.service.js';
import { CafeBroadcaster } from './cafe.broadcaster.js';
import { CafeController } from './cafe.controller.js';
import { CafeGateway } from './cafe.gateway.js';
import { CafeRepository } from './cafe.repository.js';
import { CafeService } from './cafe.service.js';
import { CafeStateStore } from './state/cafe-state.js';
import { LazyCafeStateStore } from './state/lazy-cafe-state.js';

/** The live café: rooms and opening hours (REST), the /cafe namespace, and its housekeeping. */
@Module({
  imports: [RealtimeModule, ScreeningModule, QueueFeedModule],
  controllers: [CafeController],
  providers: [
    CafeRepository,
    CafeRoomsService,
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
  exports: [CafeRepository, CafeBroadcaster],
})
export class CafeModule {}
