import { Injectable } from '@nestjs/common';
import { ROLES, roleAtLeast } from '#libs/contracts';
import type { Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { CrisisSupportService } from '../screening/crisis-support.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type { DutyDto, ModStatsDto, StatusDto } from './dto/stats.dto.js';
import { QueueFeed } from './queue-feed.service.js';
import { QueueRepository } from './queue.repository.js';

/** The roles that moderate (and so can be on duty). */
const MODERATING_ROLES = ROLES.filter((r) => roleAtLeast(r, 'moderator'));

/** A shift: marking oneself on duty lasts this long unless ended sooner. */
export const DUTY_HOURS = 8;

/** Who is on duty, and how the queue is doing: so nothing waits unseen and no one carries it alone. */
@Injectable()
export class StatsService {
  constructor(
    private readonly feed: QueueFeed,
    private readonly items: QueueRepository,
    private readonly users: UsersRepository,
    private readonly crisisSupport: CrisisSupportService,
  ) {}

  async stats(policy: Policy): Promise<ModStatsDto> {
    ensure(policy.can('mod.queue'));
    const { pending, crisisPending } = await this.feed.counts();
    const row = await this.items.waiting();
    const onDuty = await this.users.onDuty(MODERATING_ROLES);
    return {
      pending,
      crisisPending,
      flagsOpen: row.flags_open,
      oldestWaitingSeconds: row.oldest === null ? null : Math.floor(row.oldest),
      medianWaitSeconds: row.median === null ? null : Math.round(row.median),
      onDuty: onDuty.map((u) => ({
        username: u.username,
        displayName: u.display_name,
        until: u.on_duty_until.toISOString(),
      })),
    };
  }

  async setDuty(policy: Policy, onDuty: boolean): Promise<DutyDto> {
    ensure(policy.can('mod.duty'));
    const until = await this.users.setDutyUntil(policy.userId!, onDuty, DUTY_HOURS);
    return { onDuty: until !== null, until: until?.toISOString() ?? null };
  }

  /** The caller's own duty as the server knows it: what writers in crisis are being told. */
  async myDuty(policy: Policy): Promise<DutyDto> {
    ensure(policy.can('mod.duty'));
    const until = await this.users.dutyUntil(policy.userId!);
    return { onDuty: until !== null, until: until?.toISOString() ?? null };
  }

  async status(): Promise<StatusDto> {
    return { staffed: await this.crisisSupport.staffed() };
  }
}
