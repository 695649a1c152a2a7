import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditRepository } from './audit/audit.repository.js';
import { AuditService } from './audit/audit.service.js';
import { RateLimitService } from './common/rate-limit.service.js';
import { RedisConnection } from './common/redis.provider.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { Transactions } from './database/transactions.js';
import { ContentChangedInterceptor } from './page-cache/content-changed.interceptor.js';
import { ContentVersion } from './page-cache/content-version.service.js';
import { SharedRows } from './page-cache/shared-rows.service.js';
import { SettingsRepository } from './settings/settings.repository.js';
import { SettingsService } from './settings/settings.service.js';

/** Process-wide services every feature module may use. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      RedisConnection,
      RateLimitService,
      Transactions,
      AuditService,
      SettingsService,
      ContentVersion,
      SharedRows,
    ];
    return {
      module: CoreModule,
      providers: [
        ...providers,
        AuditRepository,
        SettingsRepository,
        { provide: APP_INTERCEPTOR, useClass: ContentChangedInterceptor },
      ],
      exports: providers,
    };
  }
}
