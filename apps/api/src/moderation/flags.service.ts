import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { flagsHidePost, inGoodStanding, mergeReasons } from '#libs/moderation';
import type { Policy } from '#libs/policy';
import { AnonymityService, type Viewer } from '../anonymity/anonymity.service.js';
import { ensure } from '../auth/policy.guard.js';
import { conflict } from '../common/api-error.js';
import { RateLimitService } from '../common/rate-limit.service.js';
import { ForumWriter } from '../forum/forum-writer.service.js';
import { loadPost, loadThread } from '../forum/forum-queries.js';
import { postFacts, type PostRow } from '../forum/forum-rows.js';
import { HoldingService } from '../forum/holding.service.js';
import { NotificationsService, postLink } from '../notifications/notifications.service.js';
import { SettingsService } from '../settings/settings.service.js';
import type { CreateFlagDto, FlagReceiptDto } from './dto/flag.dto.js';
import { QueueFeed } from './queue-feed.service.js';
import { StatsService } from './stats.service.js';

const UNIQUE_VIOLATION = '23505';

/** The flagger's key for one post: enough to refuse a second flag, useless for telling who it was. */
const flagScope = (postId: string) => `flag:${postId}`;

/**
 * Flags on posts. Each joins the post's one open queue item (a `flag` item, crisis first when any
 * flag says someone is in danger). Enough open flags from members in good standing hide the post
 * until a moderator looks; fewer, or from anyone else, only queue it. A flag never names its
 * flagger: not to the author, not to moderators, not in the database.
 */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly feed: QueueFeed,
    private readonly writer: ForumWriter,
    private readonly holding: HoldingService,
    private readonly notifications: NotificationsService,
    private readonly anonymity: AnonymityService,
    private readonly settings: SettingsService,
    private readonly limits: RateLimitService,
    private readonly stats: StatsService,
  ) {}

  async flag(policy: Policy, postId: string, dto: CreateFlagDto, ip: string): Promise<FlagReceiptDto> {
    const viewer = await this.anonymity.viewer(policy.userId);
    const before = await loadPost(this.db.manager, policy, postId);
    ensure(policy.canFlag(postFacts(before, viewer), dto.reason));
    if (policy.userId) await this.limits.consume('flagsPerUser', policy.userId);
    else await this.limits.consume('flagsPerGuestIp', ip);
    const counts = await this.countsTowardHiding(policy, viewer);
    const flaggerHash = viewer.keyIn(flagScope(postId));
    const { flagHideThreshold } = await this.settings.get();

    try {
      await this.db.transaction(async (tx) => {
        await loadThread(tx, policy, before.thread_id, true);
        const post = await loadPost(tx, policy, postId);
        ensure(policy.canFlag(postFacts(post, viewer), dto.reason));
        if (flaggerHash) {
          const [seen]: { n: number }[] = await tx.query('SELECT count(*)::int AS n FROM flags WHERE post_id = $1 AND flagger_hash = $2', [postId, flaggerHash]);
          if (seen.n > 0) throw conflict('already_flagged', 'You have already flagged this post. The moderators have it.');
        }
        const itemId = await this.itemFor(tx, post, dto.reason);
        await tx.query(
          'INSERT INTO flags (post_id, item_id, reason, note, flagger_hash, counts_toward_hide) VALUES ($1, $2, $3, $4, $5, $6)',
          [postId, itemId, dto.reason, dto.note?.trim() || null, flaggerHash, counts],
        );
        await this.feed.history(tx, itemId, 'flagged', null, { reason: dto.reason });
        this.feed.announce(tx);
        await this.hideIfFlaggedEnough(tx, post, itemId, flagHideThreshold);
      });
    } catch (e) {
      // Two flags from one member at the same moment: the index keeps one.
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) throw conflict('already_flagged', 'You have already flagged this post. The moderators have it.');
      throw e;
    }

    const receipt: FlagReceiptDto = { received: true, message: 'Thank you. A moderator will look at it.' };
    if (dto.reason === 'crisis') {
      receipt.staffed = await this.stats.staffed();
      receipt.message = receipt.staffed
        ? 'Thank you. A moderator is on duty and will look at it first.'
        : 'Thank you. No moderator is on duty right now; if someone is in danger, call 113.';
    }
    return receipt;
  }

  /** The post's open item, made a flag item (and a crisis one if need be), or a new one. */
  private async itemFor(tx: EntityManager, post: PostRow, reason: string): Promise<string> {
    const item = await this.feed.openItemOf(tx, post.id);
    const priority = reason === 'crisis' || item?.priority === 'crisis' ? 'crisis' : 'normal';
    if (!item) return this.feed.insert(tx, { type: 'flag', postId: post.id, threadId: post.thread_id, priority, reasons: [reason] });
    const reasons = mergeReasons(item.reasons, [reason]);
    if (priority !== item.priority || reasons.length !== item.reasons.length) {
      await tx.query('UPDATE moderation_queue SET priority = $2, reasons = $3 WHERE id = $1', [item.id, priority, reasons]);
      if (priority !== item.priority) await this.feed.history(tx, item.id, 'escalated', null, { priority });
    }
    return item.id;
  }

  private async hideIfFlaggedEnough(tx: EntityManager, post: PostRow, itemId: string, threshold: number): Promise<void> {
    if (post.status !== 'published') return;
    const [{ n }]: { n: number }[] = await tx.query(`SELECT count(*)::int AS n FROM flags WHERE item_id = $1 AND status = 'open' AND counts_toward_hide`, [itemId]);
    if (!flagsHidePost(n, threshold)) return;
    await this.writer.setStatus(tx, { id: post.id, threadId: post.thread_id, opening: post.is_opening, status: post.status }, 'hidden');
    await this.feed.history(tx, itemId, 'hidden_by_flags', null, { flags: n });
    await this.notifications.toAuthorOf(tx, post.id, {
      type: 'hidden',
      text: 'Innlegget ditt er skjult til en moderator har lest det, fordi flere har meldt det.',
      link: postLink(post.thread_id, post.id),
      itemId,
    });
  }

  /** Whether this flag counts towards hiding: a member in good standing (libs/moderation standing.ts). */
  private async countsTowardHiding(policy: Policy, viewer: Viewer): Promise<boolean> {
    if (!policy.userId || !policy.role) return false;
    const [user]: { age_hours: number }[] = await this.db.query(`SELECT extract(epoch FROM now() - created_at) / 3600 AS age_hours FROM users WHERE id = $1`, [policy.userId]);
    const sanctioned = policy.actor.kind === 'user' && policy.actor.muted === true;
    return inGoodStanding({ role: policy.role, sanctioned, accountAgeHours: Number(user?.age_hours ?? 0), newMember: await this.holding.isNewMember(policy, viewer) });
  }
}
