import { Injectable } from '@nestjs/common';
import { findPersonalDetails, type PersonalDetail } from '#libs/content';
import { decideHolding, type HoldReason, type Priority, type ReviewReason } from '#libs/moderation';
import type { ModerationMode, Policy } from '#libs/policy';
import type { Helpline, WatchedAction } from '#libs/screening';
import type { Viewer } from '../authorship/viewer.js';
import { ApiError } from '../common/api-error.js';
import { CrisisSupportService } from '../screening/crisis-support.service.js';
import { ScreeningService } from '../screening/screening.service.js';
import { SettingsService } from '../settings/settings.service.js';
import type { NoticeDto } from './dto/author.dto.js';
import { PostsRepository } from './posts.repository.js';
import { OwnAnonymousThreads } from './own-anonymous-threads.service.js';

export interface HoldingInput {
  moderation: ModerationMode;
  /** Written anonymously or by a guest. */
  unnamed: boolean;
  /** The plain text of the new or edited content (title included). */
  text: string;
}

export interface HoldingDecision {
  /** Held until a moderator approves it, and why; empty: published. */
  reasons: HoldReason[];
  /** `reasons` under either moderation of the category: it may change before the write. */
  heldIn: Record<ModerationMode, HoldReason[]>;
  /** Queued for a look even when published, and how urgently. */
  review: ReviewReason[];
  priority: Priority;
  personalDetails: PersonalDetail[];
  /** A watched word asked for help for the writer: they are shown the helplines. */
  crisis: boolean;
}

/** What the writer gets back beside their post: why it is held, and where to get help now. */
export interface WriterExtras {
  notices?: NoticeDto[];
  support?: Helpline[];
  staffed?: boolean;
}

const DETAIL_NAMES: Record<PersonalDetail, string> = {
  phone: 'a phone number',
  email: 'an email address',
  national_id: 'a national identity number (fødselsnummer)',
};

/**
 * Gathers the facts for the one holding decision (`holdReasons` in libs/moderation) about new or
 * edited content. The moderation queue's watched words add their facts here.
 */
@Injectable()
export class HoldingService {
  constructor(
    private readonly posts: PostsRepository,
    private readonly ownThreads: OwnAnonymousThreads,
    private readonly settings: SettingsService,
    private readonly screening: ScreeningService,
    private readonly crisisSupport: CrisisSupportService,
  ) {}

  /**
   * Decides before anything is written: a `block` watched word refuses the text (422, saying which
   * word), so nothing is stored; every other match becomes a fact of the holding decision.
   */
  async decide(policy: Policy, viewer: Viewer, input: HoldingInput): Promise<HoldingDecision> {
    const screened = await this.screening.screen(input.text);
    const actions = new Set(screened.matches.map((m) => m.action));
    if (actions.has('block')) {
      const word = screened.matches.find((m) => m.action === 'block')!.text;
      // Someone refused while writing about wanting to die still gets the helplines.
      const help = actions.has('crisis') ? await this.support() : {};
      throw new ApiError(
        422,
        'blocked_word',
        `Your post was not published: "${word}" is not allowed here. Please rephrase it.`,
        help,
      );
    }
    const personalDetails = input.unnamed ? findPersonalDetails(input.text) : [];
    const facts = {
      writer: input.unnamed && viewer.userId ? ('anonymous' as const) : await this.writerKind(policy, viewer),
      unnamed: input.unnamed,
      personalDetails,
      watched: [...actions].filter((a): a is Exclude<WatchedAction, 'block'> => a !== 'block'),
    };
    const outcome = decideHolding({ ...facts, moderation: input.moderation });
    return {
      reasons: outcome.held,
      heldIn: {
        post: decideHolding({ ...facts, moderation: 'post' }).held,
        pre: decideHolding({ ...facts, moderation: 'pre' }).held,
      },
      review: outcome.review,
      priority: outcome.priority,
      personalDetails,
      crisis: actions.has('crisis'),
    };
  }

  /** Notices, and for a crisis match the helplines and whether a moderator is on duty right now. */
  async extras(decision: HoldingDecision): Promise<WriterExtras> {
    const notices = this.notices(decision);
    return { ...(notices.length > 0 ? { notices } : {}), ...(decision.crisis ? await this.support() : {}) };
  }

  private async support(): Promise<{ support: Helpline[]; staffed: boolean }> {
    const { resources, staffed } = await this.crisisSupport.support();
    return { support: resources, staffed };
  }

  /** Whether the user is still a new member, whose posts are read first (see libs/moderation standing.ts). */
  async isNewMember(policy: Policy, viewer: Viewer): Promise<boolean> {
    return (await this.writerKind(policy, viewer)) === 'new_member';
  }

  private async writerKind(policy: Policy, viewer: Viewer): Promise<'guest' | 'new_member' | 'trusted' | 'moderator'> {
    const tier = policy.reviewTier();
    if (tier === 'guest' || !viewer.userId) return 'guest';
    if (tier === 'reviewer') return 'moderator';
    if (tier === 'vetted') return 'trusted';
    const { newMemberReviewCount } = await this.settings.get();
    if (newMemberReviewCount === 0) return 'trusted';
    return (await this.publishedPosts(viewer, newMemberReviewCount)) >= newMemberReviewCount ? 'trusted' : 'new_member';
  }

  /** Published posts by the user, named and anonymous (found through their per-thread keys), counted up to `enough`. */
  private async publishedPosts(viewer: Viewer, enough: number): Promise<number> {
    const named = await this.posts.countPublishedNamed(viewer.userId!, enough);
    if (named >= enough) return named;
    const keys = await this.ownThreads.keys(viewer);
    return named + (await this.posts.countPublishedKeyed(keys, enough - named));
  }

  /** What the writer is told about a held post. */
  notices(decision: HoldingDecision): NoticeDto[] {
    if (decision.reasons.length === 0) return [];
    const notices: NoticeDto[] = [
      { code: 'held_for_review', message: 'Your post will be shown when a moderator has read it.' },
    ];
    if (decision.reasons.includes('personal_details')) {
      const what = decision.personalDetails.map((d) => DETAIL_NAMES[d]).join(', ');
      notices.push({
        code: 'personal_details',
        message: `Your post seems to contain ${what}. To stay anonymous, edit it out; a moderator reads the post before it is shown.`,
      });
    }
    return notices;
  }
}
