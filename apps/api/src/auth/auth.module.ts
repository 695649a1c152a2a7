import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module.js';
import { AccountController } from './account.controller.js';
import { ActorService } from './actor.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LocalStrategy } from './local.strategy.js';
import { PolicyGuard } from './policy.guard.js';
import { SessionSerializer } from './session.serializer.js';

@Module({
  imports: [PassportModule.register({ session: true }), UsersModule],
  controllers: [AuthController, AccountController],
  providers: [AuthService, LocalStrategy, SessionSerializer, ActorService, { provide: APP_GUARD, useClass: PolicyGuard }],
  exports: [AuthService, ActorService],
})
export class AuthModule {}
