import { Module } from '@nestjs/common';
import { CrisisSupportService } from './crisis-support.service.js';
import { ScreeningService } from './screening.service.js';
import { WatchedWordsController } from './watched-words.controller.js';
import { WatchedWordsService } from './watched-words.service.js';

/** Watched words: the administrators' list, and screening of anything people write against it. */
@Module({
  controllers: [WatchedWordsController],
  providers: [ScreeningService, CrisisSupportService, WatchedWordsService],
  exports: [ScreeningService, CrisisSupportService],
})
export class ScreeningModule {}
