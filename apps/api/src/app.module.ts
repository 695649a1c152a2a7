import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AccountExportModule } from './account-export/account-export.module.js';
import { AnonymityModule } from './anonymity/anonymity.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AuthorshipModule } from './authorship/authorship.module.js';
import { CafeModule } from './cafe/cafe.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { ConsultationsModule } from './consultations/consultations.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { ReaderSafetyModule } from './reader-safety/reader-safety.module.js';
import type { AppConfig } from './config/app-config.js';
import { CoreModule } from './core.module.js';
import { DatabaseModule } from './database/database.module.js';
import { ForumModule } from './forum/forum.module.js';
import type { DatabaseTarget } from './database/data-source-options.js';
import { HealthModule } from './health/health.module.js';
import { LegalController } from './legal/legal.controller.js';
import { loggerOptions } from './logging.js';
import { MaintenanceModule } from './maintenance/maintenance.module.js';
import { ModerationModule } from './moderation/moderation.module.js';
import { MeModule } from './notifications/me.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PanelModule } from './panel/panel.module.js';
import { PoolModule } from './pool/pool.module.js';
import { LiveEventsModule } from './realtime/live-events.module.js';
import { SanctionsModule } from './sanctions/sanctions.module.js';
import { OperatorController } from './settings/operator.controller.js';
import { SettingsController } from './settings/settings.controller.js';
import { ScreeningModule } from './screening/screening.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseTarget): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        ScheduleModule.forRoot(),
        CoreModule.forRoot(config),
        DatabaseModule.forRoot(database),
        AuthorshipModule,
        UsersModule,
        AuthModule,
        LiveEventsModule,
        ForumModule,
        PanelModule,
        SanctionsModule,
        AuditModule,
        AnonymityModule,
        NotificationsModule,
        MeModule,
        ModerationModule,
        MaintenanceModule,
        AccountExportModule,
        ScreeningModule,
        CafeModule,
        ConsultationsModule,
        CalendarModule,
        ReaderSafetyModule,
        PoolModule,
        DirectoryModule,
        HealthModule,
      ],
      controllers: [LegalController, SettingsController, OperatorController],
    };
  }
}
