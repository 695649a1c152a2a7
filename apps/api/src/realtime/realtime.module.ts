import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { SocketIdentityService } from './socket-identity.service.js';

/** What every Socket.IO namespace needs: who is behind a socket, and their policy, per event. */
@Module({
  imports: [AuthModule],
  providers: [SocketIdentityService],
  exports: [SocketIdentityService],
})
export class RealtimeModule {}
