import { Module } from '@nestjs/common';
import { SanctionsDataModule } from '../sanctions/sanctions-data.module.js';
import { UsersModule } from '../users/users.module.js';
import { IdentityService } from './identity.service.js';
import { SessionIdentities } from './session-identities.service.js';
import { SessionsRepository } from './sessions.repository.js';

/** Who is asking (HTTP and sockets): the session, the user's standing and their Policy. */
@Module({
  imports: [UsersModule, SanctionsDataModule],
  providers: [SessionsRepository, SessionIdentities, IdentityService],
  exports: [IdentityService, SessionsRepository, SessionIdentities],
})
export class IdentityModule {}
