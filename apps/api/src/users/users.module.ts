import { Module } from '@nestjs/common';
import { PasswordHasher } from '../auth/password-hasher.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { AdminUsersController } from './admin-users.controller.js';
import { AdminUsersService } from './admin-users.service.js';
import { UsersRepository } from './users.repository.js';
import { RoleChangesService } from './role-changes.service.js';
import { UsersService } from './users.service.js';

@Module({
  controllers: [AdminUsersController],
  providers: [
    UsersRepository,
    UsersService,
    PasswordHasher,
    AdminUsersService,
    AdminBootstrapService,
    RoleChangesService,
  ],
  exports: [UsersService, UsersRepository, PasswordHasher, RoleChangesService],
})
export class UsersModule {}
