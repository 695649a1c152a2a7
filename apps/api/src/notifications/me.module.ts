import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { MeGateway } from './me.gateway.js';

/** Socket.IO /me (its handshake asks the policy, through the socket identity). */
@Module({ imports: [RealtimeModule], providers: [MeGateway] })
export class MeModule {}
