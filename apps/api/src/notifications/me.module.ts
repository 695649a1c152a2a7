import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { MeGateway } from './me.gateway.js';

/** Socket.IO /me (its handshake asks the policy, through the identity service). */
@Module({ imports: [IdentityModule], providers: [MeGateway] })
export class MeModule {}
