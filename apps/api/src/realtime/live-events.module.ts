import { Global, Module } from '@nestjs/common';
import { RealtimeService } from './realtime.service.js';

/** The live side every feature emits through (queue:changed, notifications, ending a banned user's sockets). */
@Global()
@Module({ providers: [RealtimeService], exports: [RealtimeService] })
export class LiveEventsModule {}
