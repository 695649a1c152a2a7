import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SanctionsModule } from '../sanctions/sanctions.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountController } from './account.controller.js';
import { ActorService } from './actor.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.js';
import { LoginGuard } from './login.guard.js';
import { PolicyGuard } from './policy.guard.js';

@Module({
  imports: [UsersModule, SanctionsModule],
  controllers: [AuthController, AccountController],
  providers: [AuthService, Authenticator, LoginGuard, ActorService, { provide: APP_GUARD, useClass: PolicyGuard }],
  exports: [AuthService, ActorService, Authenticator],
})
export class AuthModule {}
