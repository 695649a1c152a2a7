import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityModule } from '../identity/identity.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountController } from './account.controller.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { DeviceCookies } from './device-cookies.js';
import { Authenticator } from './authenticator.js';
import { LoginGuard } from './login.guard.js';
import { PolicyGuard } from './policy.guard.js';

@Module({
  imports: [UsersModule, IdentityModule],
  controllers: [AuthController, AccountController],
  providers: [AuthService, Authenticator, DeviceCookies, LoginGuard, { provide: APP_GUARD, useClass: PolicyGuard }],
  exports: [AuthService, Authenticator],
})
export class AuthModule {}
