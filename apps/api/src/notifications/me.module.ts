import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { MeGateway } from './me.gateway.js';

/** Socket.IO /me (its handshake asks the policy, so it needs the session's actor). */
@Module({ imports: [AuthModule], providers: [MeGateway] })
export class MeModule {}
