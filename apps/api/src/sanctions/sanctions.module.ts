import { Module } from '@nestjs/common';
import { CafeModule } from '../cafe/cafe.module.js';
import { ForumModule } from '../forum/forum.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { SanctionListService } from './sanction-list.service.js';
import { SanctionsDataModule } from './sanctions-data.module.js';
import { SanctionsController } from './sanctions.controller.js';
import { SanctionsService } from './sanctions.service.js';

/** Issuing and listing sanctions. Who is under a sanction now is the identity module's question (their standing). */
@Module({
  imports: [SanctionsDataModule, UsersModule, NotificationsModule, IdentityModule, ForumModule, CafeModule],
  controllers: [SanctionsController],
  providers: [SanctionsService, SanctionListService],
})
export class SanctionsModule {}
