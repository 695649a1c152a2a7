import { Injectable, Logger, Module } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { IdentityModule } from '../identity/identity.module.js';
import { SessionsRepository } from '../identity/sessions.repository.js';
import { UsersModule } from '../users/users.module.js';
import { UsersRepository } from '../users/users.repository.js';

/** Housekeeping on the app's own pool (PGlite has one connection; nothing may open another). */
@Injectable()
export class SessionCleanup {
  private readonly logger = new Logger('SessionCleanup');

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
  ) {}

  @Interval(10 * 60 * 1000)
  async removeExpired(): Promise<void> {
    try {
      await this.sessions.purgeExpired();
      await this.users.purgeResetTokens();
    } catch (e) {
      this.logger.warn(`cleanup failed, will retry: ${(e as Error).message}`);
    }
  }
}

@Module({ imports: [IdentityModule, UsersModule], providers: [SessionCleanup] })
export class MaintenanceModule {}
