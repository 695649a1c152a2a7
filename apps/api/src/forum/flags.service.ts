import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { flagsHidePost, inGoodStanding, mergeReasons } from '#libs/moderation';
import type { Policy } from '#libs/policy';
import { Authorship } from '../authorship/authorship.service.js';
import type { Viewer } from '../authorship/viewer.js';
import { conflict } from '../common/api-error.js';
import { RateLimitService } from '../common/rate-limit.service.js';
import { IdentityService } from '../identity/identity.service.js';
import { FlagsRepository } from '../moderation/flags.repository.js';
import { QueueFeed } from '../moderation/queue-feed.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CrisisSupportService } from '../screening/crisis-support.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type { CreateFlagDto, FlagDto } from './dto/flag.dto.js';
import { postAuthored, postFacts, type PostRow } from './forum-rows.js';
import { ForumWriter } from './forum-writer.service.js';
import { HoldingService } from './holding.service.js';
import { LockedWrite } from './locked-write.service.js';

const UNIQUE_VIOLATION = '23505';
const ALREADY = 'You have flagged this post already; a moderator will look at it.';

/**
 * Flags on posts. Each joins its post's one open moderation queue item (a `flag` item; crisis first
 * when any flag says someone is in danger), in the same transaction, under the thread's lock.
 * Enough open flags from members in good standing (libs/moderation standing.ts) hide the post
 * until a moderator looks (settings.flagHideThreshold), so no one person, and no handful of new
 * accounts, can silence another. The reporter is never shown to anyone.
 */
@Injectable()
export class FlagsService {
  constructor(
    private readonly locked: LockedWrite,
    private readonly flags: FlagsRepository,
    private readonly users: UsersRepository,
    private readonly authorship: Authorship,
    private readonly identity: IdentityService,
    private readonly settings: SettingsService,
    private readonly writer: ForumWriter,
    private readonly limits: RateLimitService,
    private readonly holding: HoldingService,
    private readonly queue: QueueFeed,
    private readonly notifications: NotificationsService,
    private readonly crisisSupport: CrisisSupportService,
  ) {}

  async flag(policy: Policy, postId: string, dto: CreateFlagDto, ip: string): Promise<FlagDto> {
    const viewer = await this.authorship.viewer(policy.userId);
    const mayFlag = (post: PostRow) => policy.canFlagPost(postFacts(post, viewer), dto.reason);
    const before = await this.locked.checkPost(policy, postId, mayFlag);
    if (policy.userId) await this.limits.consume('flagsPerUser', policy.userId);
    else await this.limits.consume('flagsPerGuestIp', ip);
    const counts = await this.countsTowardHiding(policy, viewer);
    const { flagHideThreshold } = await this.settings.get();
    const note = dto.note?.trim() || null;

    let flag: { id: string; created_at: Date };
    try {
      flag = await this.locked.onPost(policy, before, mayFlag, async (tx, post) => {
        // Once per member and post, even after the moderators dealt with it.
        if (policy.userId && (await this.flags.hasFlagged(tx, post.id, policy.userId)))
          throw conflict('already_flagged', ALREADY);
        const itemId = await this.itemFor(tx, post, dto.reason);
        const row = await this.flags.insert(tx, {
          postId: post.id,
          reporterId: policy.userId ?? null,
          reason: dto.reason,
          note,
          itemId,
          countsTowardHide: counts,
        });
        await this.queue.history(tx, itemId, 'flagged', null, { reason: dto.reason });
        this.queue.announce(tx);
        await this.hideIfFlaggedEnough(tx, post, itemId, flagHideThreshold);
        return row;
      });
    } catch (e) {
      // Two flags from one member at the same moment: the index keeps one.
      if ((e as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION)
        throw conflict('already_flagged', ALREADY);
      throw e;
    }
    const out: FlagDto = { id: flag.id, reason: dto.reason, note, createdAt: flag.created_at.toISOString() };
    // Whoever raises a crisis is told plainly whether anyone is there to see it now.
    if (dto.reason === 'crisis') out.staffed = await this.crisisSupport.staffed();
    return out;
  }

  /** The post's open item, made a flag item (and a crisis one if need be), or a new one. */
  private async itemFor(tx: EntityManager, post: PostRow, reason: string): Promise<string> {
    const item = await this.queue.openItemOf(tx, post.id);
    const priority = reason === 'crisis' || item?.priority === 'crisis' ? 'crisis' : 'normal';
    if (!item)
      return this.queue.insert(tx, {
        type: 'flag',
        postId: post.id,
        threadId: post.thread_id,
        priority,
        reasons: [reason],
      });
    const reasons = mergeReasons(item.reasons, [reason]);
    if (priority !== item.priority || reasons.length !== item.reasons.length) {
      await this.queue.retag(tx, item.id, { priority, reasons });
      if (priority !== item.priority) await this.queue.history(tx, item.id, 'escalated', null, { priority });
    }
    return item.id;
  }

  private async hideIfFlaggedEnough(
    tx: EntityManager,
    post: PostRow,
    itemId: string,
    threshold: number,
  ): Promise<void> {
    if (post.status !== 'published') return;
    const n = await this.flags.countTowardHiding(tx, itemId);
    if (!flagsHidePost(n, threshold)) return;
    await this.writer.setStatus(
      tx,
      { id: post.id, threadId: post.thread_id, opening: post.is_opening, status: post.status },
      'hidden',
    );
    await this.queue.history(tx, itemId, 'hidden_by_flags', null, { flags: n });
    await this.notifications.toAuthor(tx, postAuthored(post), {
      type: 'hidden',
      text: 'Innlegget ditt er skjult til en moderator har lest det, fordi flere har meldt det.',
      post: { threadId: post.thread_id, postId: post.id },
      itemId,
    });
  }

  /** Whether this reporter's flag counts towards hiding: a member in good standing. */
  private async countsTowardHiding(policy: Policy, viewer: Viewer): Promise<boolean> {
    if (!policy.userId || !policy.role) return false;
    const accountAgeHours = await this.users.accountAgeHours(policy.userId);
    const { mute, ban } = await this.identity.standingOf(policy.userId);
    return inGoodStanding({
      role: policy.role,
      sanctioned: Boolean(mute || ban),
      accountAgeHours,
      newMember: await this.holding.isNewMember(policy, viewer),
    });
  }
}
