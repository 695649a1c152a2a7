import { Injectable } from '@nestjs/common';
import { findPersonalDetails } from '#libs/content';
import type { Policy } from '#libs/policy';
import { hasAction } from '#libs/screening';
import { RateLimitService } from '../common/rate-limit.service.js';
import { CrisisSupportService } from '../screening/crisis-support.service.js';
import { ScreeningService } from '../screening/screening.service.js';
import type { ScreeningResultDto } from './dto/screening-check.dto.js';

/**
 * Help before sending: a draft is screened by the watched words as a post would be, and the writer
 * is shown the helplines, whether anyone is on duty, a word that would stop the post and personal
 * details in it. The text is not stored and not logged (the request log never holds a body), and
 * the check changes nothing a guest reads, so it leaves the guest page cache alone.
 */
@Injectable()
export class ScreeningCheckService {
  constructor(
    private readonly screening: ScreeningService,
    private readonly crisis: CrisisSupportService,
    private readonly limits: RateLimitService,
  ) {}

  async check(policy: Policy, ip: string, text: string): Promise<ScreeningResultDto> {
    // Over the limit, a crisis draft still gets the helplines (the route is @ScreenedWriting).
    await this.limits.consume('screeningChecks', policy.userId ? `u:${policy.userId}` : `ip:${ip}`);
    const screened = await this.screening.screen(text);
    const blocked = screened.matches.find((m) => m.action === 'block');
    const result: ScreeningResultDto = {
      staffed: await this.crisis.staffed(),
      personalDetails: findPersonalDetails(text).length > 0,
    };
    if (hasAction(screened, 'crisis')) result.support = (await this.crisis.support()).resources;
    if (blocked) result.blockedWord = blocked.text;
    return result;
  }
}
