import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CrisisOnRefusalInterceptor } from './crisis-on-refusal.interceptor.js';
import { UsersModule } from '../users/users.module.js';
import { CrisisSupportService } from './crisis-support.service.js';
import { ScreeningService } from './screening.service.js';
import { WatchedWordsController } from './watched-words.controller.js';
import { WatchedWordsRepository } from './watched-words.repository.js';
import { WatchedWordsService } from './watched-words.service.js';

/** Watched words: the administrators' list, and screening of anything people write against it. */
@Module({
  imports: [UsersModule],
  controllers: [WatchedWordsController],
  providers: [
    WatchedWordsRepository,
    ScreeningService,
    CrisisSupportService,
    WatchedWordsService,
    { provide: APP_INTERCEPTOR, useClass: CrisisOnRefusalInterceptor },
  ],
  exports: [ScreeningService, CrisisSupportService],
})
export class ScreeningModule {}
