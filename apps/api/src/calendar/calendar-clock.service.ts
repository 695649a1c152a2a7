import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventsService } from './events.service.js';

const EVERY_MS = 30_000;

/**
 * Sends the 24-hour reminders and asks organisers for a summary after their event. Each is
 * claimed by a guarded UPDATE in the transaction that writes the notices, so several processes and
 * restarts send each exactly once (docs/decisions/0019).
 */
@Injectable()
export class CalendarClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CalendarClock.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly events: EventsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    try {
      await this.events.sendReminders();
      await this.events.askForSummaries();
    } catch (e) {
      this.logger.warn(`calendar clock: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
