import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createClient, type RedisClientType } from 'redis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** One Redis connection for the whole process when REDIS_URL is set; `client` is null otherwise. */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private connection: RedisClientType | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get client(): RedisClientType | null {
    return this.connection;
  }

  async connect(): Promise<void> {
    if (!this.config.redisUrl || this.connection) return;
    const client = createClient({ url: this.config.redisUrl }) as RedisClientType;
    client.on('error', () => undefined); // node-redis reconnects by itself; errors surface on commands
    await client.connect();
    this.connection = client;
  }

  /** A second connection for blocking reads (the Socket.IO streams adapter uses XREAD BLOCK). */
  async duplicate(): Promise<RedisClientType> {
    if (!this.connection) throw new Error('Redis is not configured');
    const client = this.connection.duplicate();
    client.on('error', () => undefined);
    await client.connect();
    return client as RedisClientType;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.quit().catch(() => undefined);
    this.connection = null;
  }
}
