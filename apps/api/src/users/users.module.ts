import { Module } from '@nestjs/common';
import { PasswordHasher } from '../auth/password-hasher.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { AdminUsersController } from './admin-users.controller.js';
import { AdminUsersService } from './admin-users.service.js';
import { UsersService } from './users.service.js';

@Module({
  controllers: [AdminUsersController],
  providers: [UsersService, PasswordHasher, AdminUsersService, AdminBootstrapService],
  exports: [UsersService, PasswordHasher],
})
export class UsersModule {}
