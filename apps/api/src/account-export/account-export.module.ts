import { Module } from '@nestjs/common';
import { CafeModule } from '../cafe/cafe.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { ForumModule } from '../forum/forum.module.js';
import { QueueFeedModule } from '../moderation/queue-feed.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PanelModule } from '../panel/panel.module.js';
import { PoolModule } from '../pool/pool.module.js';
import { SanctionsDataModule } from '../sanctions/sanctions-data.module.js';
import { UsersModule } from '../users/users.module.js';
import { ReaderDataModule } from '../reader-safety/reader-data.module.js';
import { AccountExportController } from './account-export.controller.js';
import { AccountExportService } from './account-export.service.js';

/** A member's own data: each feature's repository answers for its tables. */
@Module({
  imports: [
    CalendarModule,
    UsersModule,
    ForumModule,
    PanelModule,
    QueueFeedModule,
    SanctionsDataModule,
    CafeModule,
    NotificationsModule,
    ConsultationsModule,
    ReaderDataModule,
    PoolModule,
  ],
  controllers: [AccountExportController],
  providers: [AccountExportService],
})
export class AccountExportModule {}
