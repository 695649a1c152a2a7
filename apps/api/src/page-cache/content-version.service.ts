import { Inject, Injectable } from '@nestjs/common';
import { RedisConnection } from '../common/redis.provider.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Two numbers: one that changes whenever anything a guest can read may have changed, one that
 * changes at every state change at all (a logout, one reader's filters). Cached pages are valid
 * only for the version they were made under. With several processes they live in Redis, so a
 * write through one process invalidates every process's caches before its response is sent.
 */
@Injectable()
export class ContentVersion {
  private local = 0;
  private localAny = 0;
  private readonly key: string;
  private readonly anyKey: string;

  constructor(
    private readonly redis: RedisConnection,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = `${config.redisPrefix}:content-version`;
    this.anyKey = `${config.redisPrefix}:change-version`;
  }

  current(): Promise<string> {
    return this.read(this.key, this.local);
  }

  /** What members' own cached pages are valid for: moves on at every change, content or not. */
  anyChange(): Promise<string> {
    return this.read(this.anyKey, this.localAny);
  }

  private async read(key: string, local: number): Promise<string> {
    const client = this.redis.client;
    return client ? ((await client.get(key)) ?? '0') : String(local);
  }

  async bump({ content }: { content: boolean }): Promise<void> {
    const client = this.redis.client;
    if (client) {
      const both = client.multi().incr(this.anyKey);
      await (content ? both.incr(this.key) : both).exec();
      return;
    }
    this.localAny++;
    if (content) this.local++;
  }
}
