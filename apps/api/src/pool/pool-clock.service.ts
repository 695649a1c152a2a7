import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AssignmentsService } from './assignments.service.js';
import { RecruitmentService } from './recruitment.service.js';

/**
 * The pool's jobs: assignments past their end are completed (their members asked to check in one
 * last time), and expressions of interest handled more than 12 months ago are deleted. Each step
 * is one guarded statement, so a restart loses nothing and several processes do it once.
 */
@Injectable()
export class PoolClock {
  private readonly logger = new Logger(PoolClock.name);

  constructor(
    private readonly recruitment: RecruitmentService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Interval(60 * 1000)
  async tick(): Promise<void> {
    try {
      await this.assignments.completeEnded();
      const deleted = await this.recruitment.deleteExpired();
      if (deleted > 0) this.logger.log(`deleted ${deleted} expression(s) of interest handled over 12 months ago`);
    } catch (e) {
      this.logger.warn(`pool clock: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
