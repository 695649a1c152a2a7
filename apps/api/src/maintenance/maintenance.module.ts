import { Injectable, Logger, Module } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Housekeeping on the app's own pool (PGlite has one connection; nothing may open another). */
@Injectable()
export class SessionCleanup {
  private readonly logger = new Logger('SessionCleanup');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Interval(10 * 60 * 1000)
  async removeExpired(): Promise<void> {
    try {
      await this.db.query('DELETE FROM sessions WHERE expires_at < now()');
      await this.db.query(`DELETE FROM password_resets WHERE expires_at < now() - interval '1 day'`);
    } catch (e) {
      this.logger.warn(`cleanup failed, will retry: ${(e as Error).message}`);
    }
  }
}

@Module({ providers: [SessionCleanup] })
export class MaintenanceModule {}
