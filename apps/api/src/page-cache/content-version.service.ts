import { Inject, Injectable } from '@nestjs/common';
import { RedisConnection } from '../common/redis.provider.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * A number that changes whenever anything a guest can read may have changed. Cached guest pages
 * are valid only for the version they were made under. With several processes it lives in Redis,
 * so a write through one process invalidates every process's cache before its response is sent.
 */
@Injectable()
export class ContentVersion {
  private local = 0;
  private readonly key: string;

  constructor(
    private readonly redis: RedisConnection,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = `${config.redisPrefix}:content-version`;
  }

  async current(): Promise<string> {
    const client = this.redis.client;
    return client ? ((await client.get(this.key)) ?? '0') : String(this.local);
  }

  async bump(): Promise<void> {
    const client = this.redis.client;
    if (client) await client.incr(this.key);
    else this.local++;
  }
}
