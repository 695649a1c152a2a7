import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DirectoryService } from './directory.service.js';

const EVERY_MS = 60 * 60 * 1000;

/**
 * Marks offers stale once they have gone 180 days without a check, and forgets a suggester's
 * email 30 days after their suggestion was decided (hourly, and at start). Each is one guarded
 * UPDATE, so several processes and restarts do it once.
 */
@Injectable()
export class DirectoryClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DirectoryClock.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly directory: DirectoryService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
    setTimeout(() => void this.tick(), 5_000).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<number> {
    try {
      await this.directory.forgetSuggesters();
      return await this.directory.markStale();
    } catch (e) {
      this.logger.warn(`directory clock: ${e instanceof Error ? e.message : String(e)}`);
      return 0;
    }
  }
}
