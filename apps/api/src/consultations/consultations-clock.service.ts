import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConsultationsService } from './consultations.service.js';

const EVERY_MS = 30_000;

/**
 * Opens and closes consultations at their times, and reminds the admins of overdue reports once a
 * day. The state is in the database and each change is one guarded UPDATE, so a restart loses
 * nothing and several processes do each change once. Reads tick too, so a consultation is never
 * seen open after its closing time.
 */
@Injectable()
export class ConsultationsClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ConsultationsClock.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly consultations: ConsultationsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    try {
      await this.consultations.tick();
      await this.consultations.remindOverdue();
    } catch (e) {
      this.logger.warn(`consultation clock: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
