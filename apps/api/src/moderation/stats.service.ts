import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROLES, roleAtLeast } from '#libs/contracts';
import type { Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { CrisisSupportService } from '../screening/crisis-support.service.js';
import type { DutyDto, ModStatsDto, StatusDto } from './dto/stats.dto.js';
import { QueueFeed } from './queue-feed.service.js';

/** The roles that moderate (and so can be on duty). */
const MODERATING_ROLES = ROLES.filter((r) => roleAtLeast(r, 'moderator'));

/** A shift: marking oneself on duty lasts this long unless ended sooner. */
export const DUTY_HOURS = 8;

/** Who is on duty, and how the queue is doing: so nothing waits unseen and no one carries it alone. */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly feed: QueueFeed,
    private readonly crisisSupport: CrisisSupportService,
  ) {}

  async stats(policy: Policy): Promise<ModStatsDto> {
    ensure(policy.can('mod.queue'));
    const { pending, crisisPending } = await this.feed.counts();
    const [row]: { flags_open: number; oldest: number | null; median: number | null }[] = await this.db.query(
      `SELECT (SELECT count(*) FROM flags WHERE status = 'open')::int AS flags_open,
              (SELECT extract(epoch FROM clock_timestamp() - min(created_at)) FROM moderation_queue WHERE status = 'open')::float8 AS oldest,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at))
                 FROM moderation_queue WHERE resolved_by IS NOT NULL AND resolved_at > clock_timestamp() - interval '7 days')::float8 AS median`,
    );
    const onDuty: { username: string; display_name: string; on_duty_until: Date }[] = await this.db.query(
      `SELECT username, display_name, on_duty_until FROM users WHERE role = ANY($1::text[]) AND on_duty_until > now() ORDER BY on_duty_until`,
      [MODERATING_ROLES],
    );
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
    const [[row]]: [{ on_duty_until: Date | null }[], number] = await this.db.query(
      `UPDATE users SET on_duty_until = CASE WHEN $2 THEN now() + make_interval(hours => $3) END WHERE id = $1 RETURNING on_duty_until`,
      [policy.userId, onDuty, DUTY_HOURS],
    );
    return { onDuty: row.on_duty_until !== null, until: row.on_duty_until?.toISOString() ?? null };
  }

  async status(): Promise<StatusDto> {
    return { staffed: await this.crisisSupport.staffed() };
  }
}
