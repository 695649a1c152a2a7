import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Policy } from '#libs/policy';
import { AnonymityService } from '../anonymity/anonymity.service.js';
import { ensure } from '../auth/policy.guard.js';
import { conflict } from '../common/api-error.js';
import { RateLimitService } from '../common/rate-limit.service.js';
import { StandingService } from '../sanctions/standing.service.js';
import { SettingsService } from '../settings/settings.service.js';
import type { CreateFlagDto, FlagDto } from './dto/flag.dto.js';
import { ForumWriter } from './forum-writer.service.js';
import { loadPost, loadThread } from './forum-queries.js';
import { postFacts } from './forum-rows.js';

/**
 * Flags on posts. Enough open flags from members in good standing hide a post until a moderator
 * looks (settings.flagHideThreshold), so no one person can silence another. The moderation queue
 * reads the open flags (`flags.status = 'open'`); the reporter is never shown.
 */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly anonymity: AnonymityService,
    private readonly standing: StandingService,
    private readonly settings: SettingsService,
    private readonly writer: ForumWriter,
    private readonly limits: RateLimitService,
  ) {}

  async flag(policy: Policy, postId: string, dto: CreateFlagDto, ip: string): Promise<FlagDto> {
    const viewer = await this.anonymity.viewer(policy.userId);
    const post = await loadPost(this.db.manager, policy, postId);
    ensure(policy.canFlagPost(postFacts(post, viewer), dto.reason));
    if (policy.userId) await this.limits.consume('flagsPerUser', policy.userId);
    else await this.limits.consume('flagsPerGuestIp', ip);

    const rows: { id: string; created_at: Date }[] = await this.db.query(
      `INSERT INTO flags (post_id, reporter_id, reason, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (post_id, reporter_id) WHERE status = 'open' DO NOTHING
       RETURNING id, created_at`,
      [postId, policy.userId ?? null, dto.reason, dto.note?.trim() || null],
    );
    if (!rows[0]) throw conflict('already_flagged', 'You have flagged this post already; a moderator will look at it.');
    await this.hideIfFlaggedEnough(policy, postId);
    return { id: rows[0].id, reason: dto.reason, note: dto.note?.trim() || null, createdAt: rows[0].created_at.toISOString() };
  }

  private async hideIfFlaggedEnough(policy: Policy, postId: string): Promise<void> {
    const { flagHideThreshold } = await this.settings.get();
    const reporters: { reporter_id: string }[] = await this.db.query(
      `SELECT DISTINCT reporter_id FROM flags WHERE post_id = $1 AND status = 'open' AND reporter_id IS NOT NULL`,
      [postId],
    );
    if (reporters.length < flagHideThreshold) return;
    // Good standing: neither muted nor banned, whether named or as the author behind a post.
    let inGoodStanding = 0;
    for (const { reporter_id } of reporters) {
      const s = await this.standing.of(reporter_id);
      if (!s.mute && !s.ban) inGoodStanding++;
    }
    if (inGoodStanding < flagHideThreshold) return;
    await this.db.transaction(async (tx) => {
      const before = await loadPost(tx, policy, postId);
      await loadThread(tx, policy, before.thread_id, true);
      const [[row]]: [{ is_opening: boolean; thread_id: string }[], number] = await tx.query(
        `UPDATE posts SET status = 'hidden' WHERE id = $1 AND status = 'published' RETURNING is_opening, thread_id`,
        [postId],
      );
      if (row) await this.writer.statusChanged(tx, { threadId: row.thread_id, opening: row.is_opening }, 'published', 'hidden');
    });
  }
}
