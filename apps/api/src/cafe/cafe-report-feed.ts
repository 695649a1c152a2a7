import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

export interface CafeReportCreated {
  reportId: string;
  messageId: string;
  kind: 'report' | 'crisis';
  source: 'participant' | 'screening';
}

/**
 * New rows in cafe_reports, as they are written on this process, for the moderation queue to
 * react to (e.g. emit `queue:changed` on /mod, which reaches every process through the adapter).
 */
@Injectable()
export class CafeReportFeed implements OnModuleDestroy {
  private readonly subject = new Subject<CafeReportCreated>();

  get reports(): Observable<CafeReportCreated> {
    return this.subject.asObservable();
  }

  published(report: CafeReportCreated): void {
    this.subject.next(report);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
