import { Global, Module } from '@nestjs/common';
import { RealtimeService } from './realtime.service.js';

/** The live side every feature emits through. */
@Global()
@Module({ providers: [RealtimeService], exports: [RealtimeService] })
export class RealtimeModule {}
