import type { RedisConnection } from '../../common/redis.provider.js';
import { CafeStateStore, type PresenceRecord, type SessionRef } from './cafe-state.js';
import { MemoryCafeStateStore } from './memory-cafe-state.js';
import { RedisCafeStateStore } from './redis-cafe-state.js';

/**
 * Picks the backend when first used: the Redis connection is opened after Nest has built the
 * providers (app.factory.ts), so whether there is one is known only then.
 */
export class LazyCafeStateStore extends CafeStateStore {
  private chosen: CafeStateStore | null = null;

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {
    super();
  }

  private get store(): CafeStateStore {
    this.chosen ??= this.redis.client
      ? new RedisCafeStateStore(this.redis.client, this.prefix)
      : new MemoryCafeStateStore();
    return this.chosen;
  }

  claim(session: SessionRef, record: PresenceRecord) {
    return this.store.claim(session, record);
  }
  release(sessionId: string, participantId: string) {
    return this.store.release(sessionId, participantId);
  }
  suspend(sessionId: string, participantId: string, holdMs: number) {
    return this.store.suspend(sessionId, participantId, holdMs);
  }
  resume(session: SessionRef, participantId: string) {
    return this.store.resume(session, participantId);
  }
  get(sessionId: string, participantId: string) {
    return this.store.get(sessionId, participantId);
  }
  online(sessionId: string) {
    return this.store.online(sessionId);
  }
  renew(sessionId: string, participantIds: string[]) {
    return this.store.renew(sessionId, participantIds);
  }
  pass(key: string, seconds: number) {
    return this.store.pass(key, seconds);
  }
  clear(sessionId: string) {
    return this.store.clear(sessionId);
  }
}
