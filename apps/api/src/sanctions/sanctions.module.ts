import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { SanctionsController } from './sanctions.controller.js';
import { SanctionsService } from './sanctions.service.js';
import { StandingService } from './standing.service.js';

@Module({
  imports: [UsersModule],
  controllers: [SanctionsController],
  providers: [SanctionsService, StandingService],
  exports: [StandingService],
})
export class SanctionsModule {}
