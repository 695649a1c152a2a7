import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AnonymityService } from './anonymity/anonymity.service.js';
import { AuditService } from './audit/audit.service.js';
import { RateLimitService } from './common/rate-limit.service.js';
import { RedisConnection } from './common/redis.provider.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { ContentChangedInterceptor } from './guest-cache/content-changed.interceptor.js';
import { ContentVersion } from './guest-cache/content-version.service.js';
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
      AuditService,
      SettingsService,
      AnonymityService,
      ContentVersion,
    ];
    return {
      module: CoreModule,
      providers: [...providers, { provide: APP_INTERCEPTOR, useClass: ContentChangedInterceptor }],
      exports: providers,
    };
  }
}
