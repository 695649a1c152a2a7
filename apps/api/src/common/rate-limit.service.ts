import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApiError } from './api-error.js';
import { RedisConnection } from './redis.provider.js';

/** The limits of API.md at RATE_LIMIT_SCALE=1: so many points per window of seconds. */
export const RATE_LIMITS = {
  loginFailuresPerUsername: { points: 10, duration: 15 * 60 },
  loginFailuresPerIp: { points: 30, duration: 15 * 60 },
  /** A browser that has logged in to the account before (a device cookie): limited on its own. */
  loginFailuresPerDevice: { points: 10, duration: 15 * 60 },
  /** Requests that verify the password of a logged-in user (change it, delete the account). */
  passwordChecksPerUser: { points: 10, duration: 15 * 60 },
  registrationsPerIp: { points: 10, duration: 60 * 60 },
  postsPerUser: { points: 10, duration: 60 },
  postsPerGuestIp: { points: 3, duration: 10 * 60 },
  flagsPerUser: { points: 20, duration: 60 * 60 },
  flagsPerGuestIp: { points: 5, duration: 60 * 60 },
  cafeMessagesPerParticipant: { points: 5, duration: 10 },
  /** All participants behind one address together (one client may open several). */
  cafeMessagesPerIp: { points: 20, duration: 10 },
  /** A guest's connection source removed or muted by a host in one café session (blocked for the given time). */
  cafeRestrictedSource: { points: 1, duration: 24 * 60 * 60 },
  consultationAnswersPerGuestIp: { points: 10, duration: 60 * 60 },
  cafeJoinsPerIp: { points: 30, duration: 60 },
  /** POST /api/screening/check, per user or (guests) per IP: the editor asks as the writer pauses. */
  screeningChecks: { points: 60, duration: 60 },
  reactionsPerUser: { points: 60, duration: 60 },
  /** POST /api/panel/interest: no account, so per IP (issue 16). */
  panelInterestPerIp: { points: 5, duration: 60 * 60 },
  /** Suggestions to the activity directory (issue 17), per address: anyone may send them, no account. */
  directorySuggestionsPerIp: { points: 10, duration: 60 * 60 },
  /** GET /api/receipts/:code with a guest's short code (docs/decisions/0016): guessing one stays hopeless. */
  receiptCodeLookupsPerIp: { points: 20, duration: 15 * 60 },
} as const;
export type RateLimitName = keyof typeof RATE_LIMITS;

export class RateLimited extends ApiError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts. Wait a little and try again.',
  ) {
    super(429, 'rate_limited', message, { retryAfter: retryAfterSeconds });
  }
}

/**
 * Rate limits shared by every process through Redis when REDIS_URL is set, in memory otherwise.
 * RATE_LIMIT_SCALE multiplies every limit; 0 turns them off.
 */
@Injectable()
export class RateLimitService {
  private readonly limiters = new Map<RateLimitName, RateLimiterAbstract>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnection,
  ) {}

  get enabled(): boolean {
    return this.config.rateLimitScale > 0;
  }

  private limiter(name: RateLimitName): RateLimiterAbstract {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const { points, duration } = RATE_LIMITS[name];
      const opts = {
        keyPrefix: `${this.config.redisPrefix}:rl:${name}`,
        points: Math.max(1, Math.round(points * this.config.rateLimitScale)),
        duration,
      };
      limiter = this.redis.client
        ? new RateLimiterRedis({ ...opts, storeClient: this.redis.client, useRedisPackage: true })
        : new RateLimiterMemory(opts);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  /** Takes `points` from the key's budget, or throws 429 with the seconds to wait. */
  async consume(name: RateLimitName, key: string, points = 1): Promise<void> {
    if (!this.enabled) return;
    try {
      await this.limiter(name).consume(key, points);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new RateLimited(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      throw e;
    }
  }

  /** Seconds until the key may act again, or 0 when it has budget left; takes nothing. */
  async blockedFor(name: RateLimitName, key: string): Promise<number> {
    if (!this.enabled) return 0;
    const res = await this.limiter(name).get(key);
    if (!res || res.remainingPoints > 0) return 0;
    return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  }

  /** Counts a failure without refusing anything now. */
  async penalize(name: RateLimitName, key: string): Promise<void> {
    if (!this.enabled) return;
    await this.limiter(name).penalty(key, 1);
  }

  /** Blocks the key for `seconds` (whatever its budget); `blockedFor` then answers the time left. */
  async block(name: RateLimitName, key: string, seconds: number): Promise<void> {
    if (!this.enabled) return;
    await this.limiter(name).block(key, seconds);
  }

  async reset(name: RateLimitName, key: string): Promise<void> {
    if (!this.enabled) return;
    await this.limiter(name).delete(key);
  }
}
