import { roleAtLeast, type CafeAudience, type Role } from '#libs/contracts';
import type { Actor } from './actor.js';
import { ALLOW, needLogin, needRole, notFound, refuse, type Decision } from './decision.js';

/** What the policy asks of a calendar event (issue 15). */
export interface EventFacts {
  audience: 'everyone' | 'members' | 'panel';
  /** The caller organises it. */
  mine: boolean;
}

/** What the policy asks of a consultation. */
export interface ConsultationFacts {
  audience: 'everyone' | 'members' | 'panel';
  anonymity: 'named' | 'anonymous';
  status: string;
}
import {
  FLAG_REASONS,
  PUBLIC_POST_STATUSES,
  type CategoryFacts,
  type EditContext,
  type FlagReason,
  type PostFacts,
  type ThreadFacts,
  type Visibility,
  type WriteOptions,
} from './forum-facts.js';
import type { QueueItemFacts, UndoContext } from './moderation-facts.js';

/** Actions that depend on the actor alone (no object to look at). */
export const ROLE_ACTIONS = {
  'account.use': 'member',
  'panel.apply': 'member',
  'cafe.host': 'host',
  'mod.queue': 'moderator',
  'mod.posts': 'moderator',
  'mod.threads': 'moderator',
  'mod.sanction': 'moderator',
  'mod.audit': 'moderator',
  'mod.duty': 'moderator',
  'admin.users': 'admin',
  'admin.settings': 'admin',
  'admin.categories': 'admin',
  'admin.watched_words': 'admin',
  'admin.cafe_rooms': 'admin',
  'admin.panel_applications': 'admin',
  'admin.reveal': 'admin',
  'admin.consultations': 'admin',
  // The panel's pool (issue 16)
  'admin.pool': 'admin',
  'pool.member': 'panel',
  // Calendar (issue 15): the peer workers host seminars, meetings and courses.
  'calendar.host': 'host',
  // Reader safety (issue 18)
  'reader.filters': 'member',
  'host.unanswered': 'host',
  'mod.content_warnings': 'moderator',
  'admin.content_warnings': 'admin',
  // Activity directory (issue 17)
  'mod.directory': 'moderator',
} as const satisfies Record<string, Role>;
export type RoleAction = keyof typeof ROLE_ACTIONS;

/**
 * What the actor may do with a post, as the post's DTO carries it (after Discourse's serialisers
 * asking the Guardian), so a client shows the buttons the server would honour and decides nothing.
 */
export interface PostActions {
  edit: boolean;
  delete: boolean;
  /** The reasons this actor may flag it with; none: no flag at all. */
  flagReasons: FlagReason[];
  hide: boolean;
  restore: boolean;
  sanction: boolean;
}

/** What the actor may do in a thread, as the thread's DTO carries it. */
export interface ThreadActions {
  reply: boolean;
  replyAnonymously: boolean;
  /** Lock, pin, move. */
  moderate: boolean;
}

const ROLE_NAMES: Record<Role, string> = {
  member: 'members',
  panel: 'panel members',
  host: 'hosts',
  moderator: 'moderators',
  admin: 'administrators',
};

/**
 * The one permission policy (after Discourse's Guardian): every "may this actor do this?" is a
 * method here, asked by every controller and gateway. Built per request from the actor.
 */
export class Policy {
  constructor(readonly actor: Actor) {}

  get isGuest(): boolean {
    return this.actor.kind === 'guest';
  }

  get role(): Role | undefined {
    return this.actor.kind === 'user' ? this.actor.role : undefined;
  }

  get userId(): string | undefined {
    return this.actor.kind === 'user' ? this.actor.id : undefined;
  }

  hasRole(atLeast: Role): boolean {
    return roleAtLeast(this.role, atLeast);
  }

  /** Moderators review everything, so they see content in every state. */
  get seesAllContent(): boolean {
    return this.hasRole('moderator');
  }

  /** Authorship counts only for a logged-in user: a guest has nothing to prove it with. */
  private owns(object: { mine: boolean }): boolean {
    return this.actor.kind === 'user' && object.mine;
  }

  /** Role-only actions: the staff tools and account actions. */
  can(action: RoleAction): Decision {
    if (this.actor.kind === 'guest') return needLogin();
    const needed = ROLE_ACTIONS[action];
    // Each role has every right of the roles before it.
    return roleAtLeast(this.actor.role, needed) ? ALLOW : needRole(ROLE_NAMES[needed]);
  }

  /** Writing anything at all: a mute lets a user read but not write. */
  canWrite(): Decision {
    if (this.actor.kind === 'user' && this.actor.muted) {
      const until = this.actor.mutedUntil ? this.actor.mutedUntil.toISOString() : null;
      return refuse(403, 'muted', until ? `You are muted until ${until}.` : 'You are muted.', until);
    }
    return ALLOW;
  }

  // --- Categories -------------------------------------------------------------------------

  /** The category visibilities this actor may read; queries filter by it, so a forgotten check can't leak. */
  readableVisibilities(): Visibility[] {
    // The closed categories are the panel's own room.
    return this.hasRole('panel') ? ['open', 'closed'] : ['open'];
  }

  canReadCategory(category: CategoryFacts): Decision {
    if (this.readableVisibilities().includes(category.visibility)) return ALLOW;
    // Outsiders may know the closed room exists (so they can apply), never what is said in it.
    return refuse(403, 'closed_category', 'This category is for the panel only. You can apply to join the panel.');
  }

  canCreateThread(category: CategoryFacts, options: WriteOptions): Decision {
    return this.canWriteIn(category, options, 'start a thread');
  }

  /** Whether an anonymous post is possible here at all, for whoever asks. */
  canPostAnonymously(category: CategoryFacts): Decision {
    // Anonymity hangs on an account (its keyed hash); a guest is unnamed anyway.
    if (this.actor.kind === 'guest') return needLogin();
    // Each category decides whether anonymous posts suit it.
    if (!category.allowAnonymous)
      return refuse(400, 'anonymous_not_allowed', 'Anonymous posts are not allowed in this category.');
    return ALLOW;
  }

  private canWriteIn(category: CategoryFacts, options: WriteOptions, what: string): Decision {
    const read = this.canReadCategory(category);
    if (!read.allowed) return read;
    if (this.actor.kind === 'guest') {
      // Guests may write only where the category invites them (and it is then always reviewed).
      return category.allowGuests ? ALLOW : refuse(401, 'unauthenticated', `Log in to ${what} here.`);
    }
    const write = this.canWrite();
    if (!write.allowed) return write;
    return options.anonymous ? this.canPostAnonymously(category) : ALLOW;
  }

  // --- Threads ----------------------------------------------------------------------------

  canSeeThread(thread: ThreadFacts): Decision {
    // Outside the panel, a closed thread does not exist: 404, never 403, so its existence can't leak.
    if (!this.canReadCategory(thread.category).allowed) return notFound('That thread');
    if (this.seesAllContent || thread.status === 'published') return ALLOW;
    // A held, rejected or hidden thread is its author's business (they are told why) and the moderators'.
    if (this.owns(thread) && thread.status !== 'deleted') return ALLOW;
    return notFound('That thread');
  }

  canReply(thread: ThreadFacts, options: WriteOptions): Decision {
    const see = this.canSeeThread(thread);
    if (!see.allowed) return see;
    // Only a published thread takes replies: a held one is not part of the conversation yet.
    if (thread.status !== 'published') return refuse(409, 'not_published', 'This thread is not open for replies.');
    const write = this.canWriteIn(thread.category, options, 'reply');
    if (!write.allowed) return write;
    // A lock ends the conversation; moderators may still explain why.
    if (thread.locked && !this.seesAllContent) return refuse(423, 'locked', 'This thread is locked: no new replies.');
    return ALLOW;
  }

  /** Lock, pin and move a thread. */
  canModerateThread(): Decision {
    return this.can('mod.threads');
  }

  threadActions(thread: ThreadFacts): ThreadActions {
    return {
      reply: this.canReply(thread, { anonymous: false }).allowed,
      // A guest's reply is unnamed anyway; anonymity hangs on an account.
      replyAnonymously:
        this.canPostAnonymously(thread.category).allowed && this.canReply(thread, { anonymous: true }).allowed,
      moderate: this.canModerateThread().allowed,
    };
  }

  // --- Posts ------------------------------------------------------------------------------

  canSeePost(post: PostFacts): Decision {
    const see = this.canSeeThread(post.thread);
    if (!see.allowed) return see;
    // Deleted and hidden posts keep their place in the thread (without their text).
    if (this.seesAllContent || PUBLIC_POST_STATUSES.includes(post.status)) return ALLOW;
    // A held or rejected post is seen by its author (who is told why) and the moderators only.
    return this.owns(post) ? ALLOW : notFound('That post');
  }

  /** Whether the text of a post is shown, not just its place. */
  canReadPostBody(post: PostFacts): boolean {
    if (!this.canSeePost(post).allowed || post.status === 'deleted') return false;
    // A hidden post's text stays with its author and the moderators until it is reviewed.
    return post.status === 'published' || this.owns(post) || this.seesAllContent;
  }

  /** The reason a post was rejected is told to its author (ground rule 8) and known to moderators. */
  canSeeRejectionReason(post: PostFacts): boolean {
    return this.owns(post) || this.seesAllContent;
  }

  /** The Markdown a post was written in goes to those who may edit it: its author and moderators. */
  canSeePostSource(post: PostFacts): boolean {
    return post.status !== 'deleted' && (this.owns(post) || this.seesAllContent);
  }

  canEditPost(post: PostFacts, context: EditContext): Decision {
    const see = this.canSeePost(post);
    if (!see.allowed) return see;
    if (this.actor.kind === 'guest') return needLogin();
    // A deleted post's text is gone; there is nothing to edit.
    if (post.status === 'deleted') return refuse(409, 'deleted', 'This post was deleted.');
    // Moderators may always edit, e.g. to remove personal details from someone else's post.
    if (this.seesAllContent) return ALLOW;
    if (!this.owns(post)) return refuse(403, 'forbidden', 'You can only edit your own posts.');
    const write = this.canWrite();
    if (!write.allowed) return write;
    // Rejected and hidden posts are in the moderators' hands until they decide again.
    if (post.status !== 'published' && post.status !== 'pending')
      return refuse(403, 'forbidden', 'This post can no longer be edited.');
    if (post.thread.locked) return refuse(423, 'locked', 'This thread is locked: its posts can no longer be edited.');
    // After the window, an edit would change what others already answered.
    const ageMinutes = (context.now.getTime() - post.createdAt.getTime()) / 60_000;
    if (ageMinutes > context.editWindowMinutes)
      return refuse(403, 'edit_window_passed', 'The time for editing this post has passed.');
    return ALLOW;
  }

  canDeletePost(post: PostFacts): Decision {
    const see = this.canSeePost(post);
    if (!see.allowed) return see;
    if (this.actor.kind === 'guest') return needLogin();
    // Authors may always take back their own words, muted, locked or late; moderators may remove anything.
    if (this.owns(post) || this.seesAllContent) return ALLOW;
    return refuse(403, 'forbidden', 'You can only delete your own posts.');
  }

  /**
   * Sanctioning "the author behind this post". Only the asker's own standing is looked at: the
   * author's rank is checked when the sanction is made, and answering it here, per post, would
   * tell whether an anonymous author is staff.
   */
  canSanctionAuthorOf(post: PostFacts): Decision {
    const can = this.can('mod.sanction');
    if (!can.allowed) return can;
    // Staff can't silence themselves either; the sanction itself refuses it by rank.
    if (this.owns(post)) return refuse(403, 'forbidden', 'You cannot sanction yourself.');
    return ALLOW;
  }

  postActions(post: PostFacts, edit: EditContext): PostActions {
    // A deleted post has nothing left to edit, delete again, flag, hide or restore.
    const deleted = post.status === 'deleted';
    return {
      edit: this.canEditPost(post, edit).allowed,
      delete: !deleted && this.canDeletePost(post).allowed,
      flagReasons: FLAG_REASONS.filter((reason) => this.canFlagPost(post, reason).allowed),
      hide: this.canHidePost(post).allowed,
      restore: this.canRestorePost(post).allowed,
      sanction: this.canSanctionAuthorOf(post).allowed,
    };
  }

  // --- Flags and the moderation queue -----------------------------------------------------

  canFlagPost(post: PostFacts, reason: FlagReason): Decision {
    const see = this.canSeePost(post);
    if (!see.allowed) return see;
    // Only what others can read can hurt them; held posts are with the moderators already.
    if (post.status !== 'published') return refuse(409, 'not_published', 'Only published posts can be flagged.');
    // Anyone, logged in or not, may tell us someone is in crisis; other reports need an account.
    if (this.actor.kind === 'guest') return reason === 'crisis' ? ALLOW : needLogin();
    // Flagging one's own post would tie an account to an anonymous post in the flags table.
    if (this.owns(post)) return refuse(409, 'own_post', 'You cannot flag your own post; edit or delete it instead.');
    // A mute stops reports too, except a crisis: someone may need help now.
    return reason === 'crisis' ? ALLOW : this.canWrite();
  }

  /**
   * How much review this actor's writing needs before others see it (the holding decision asks):
   * a guest's always; a plain member's until enough of their posts were approved; never a moderator's.
   */
  reviewTier(): 'guest' | 'member' | 'vetted' | 'reviewer' {
    if (this.actor.kind === 'guest') return 'guest';
    // Moderators are the reviewers.
    if (this.seesAllContent) return 'reviewer';
    // Panel members and hosts were let in by an administrator; plain members earn trust by posting.
    return this.actor.role === 'member' ? 'member' : 'vetted';
  }

  /** Deciding on a queue item: open, and not claimed by another moderator. */
  canDecideQueueItem(item: QueueItemFacts): Decision {
    const can = this.can('mod.queue');
    if (!can.allowed) return can;
    // The first decision stands; a second one would apply twice or undo the first unseen.
    if (item.status !== 'open')
      return refuse(409, 'already_handled', 'Another moderator has already handled this item.');
    // A claim keeps two moderators from doing the same work (and from contradicting each other).
    if (item.claimedBy !== null && item.claimedBy !== this.userId)
      return refuse(409, 'claimed', 'Another moderator is working on this item.');
    return ALLOW;
  }

  /** Taking back a rejection, within the undo window, so a slip of the hand costs the author nothing. */
  canUndoRejection(item: QueueItemFacts, context: UndoContext): Decision {
    const can = this.can('mod.queue');
    if (!can.allowed) return can;
    if (item.status !== 'rejected' || !item.resolvedAt)
      return refuse(409, 'not_rejected', 'Only a rejection can be undone.');
    const ageMinutes = (context.now.getTime() - item.resolvedAt.getTime()) / 60_000;
    // After the window the author has been told and may have acted on it: decide again instead.
    if (ageMinutes > context.undoWindowMinutes)
      return refuse(
        409,
        'undo_window_passed',
        `A rejection can be undone only within ${context.undoWindowMinutes} minutes.`,
      );
    return ALLOW;
  }

  canHidePost(post: PostFacts): Decision {
    const can = this.can('mod.posts');
    if (!can.allowed) return can;
    if (post.status !== 'published') return refuse(409, 'not_published', 'Only a published post can be hidden.');
    return ALLOW;
  }

  canRestorePost(post: PostFacts): Decision {
    const can = this.can('mod.posts');
    if (!can.allowed) return can;
    if (post.status !== 'hidden') return refuse(409, 'not_hidden', 'Only a hidden post can be restored.');
    return ALLOW;
  }

  /** The moderators' live channel (Socket.IO /mod). */
  canWatchQueue(): Decision {
    return this.can('mod.queue');
  }

  /** One's own notifications, over REST and Socket.IO /me. */
  canReadNotifications(): Decision {
    return this.can('account.use');
  }

  // --- Panel and staff ---------------------------------------------------------------------

  canApplyToPanel(): Decision {
    const can = this.can('panel.apply');
    if (!can.allowed) return can;
    // Panel members and staff are inside already.
    if (this.hasRole('panel')) return refuse(409, 'already_panel', 'You are already a member of the panel.');
    return this.canWrite();
  }

  /** A named sanction may only reach someone below the moderator in rank, so staff can't silence each other. */
  canSanctionUser(targetRole: Role): Decision {
    const can = this.can('mod.sanction');
    if (!can.allowed) return can;
    if (roleAtLeast(targetRole, 'moderator') && this.role !== 'admin')
      return refuse(403, 'forbidden', 'Only an administrator may sanction a moderator.');
    if (targetRole === 'admin') return refuse(403, 'forbidden', 'An administrator cannot be sanctioned.');
    return ALLOW;
  }

  // --- The café ---

  /** Entering a café room. The `forbidden` code covers both "log in first" and "not for you". */
  canJoinCafeRoom(audience: CafeAudience): Decision {
    // Everyone means everyone: the café's point is that no account is needed.
    if (audience === 'everyone') return ALLOW;
    if (this.actor.kind === 'guest') {
      return refuse(
        403,
        'forbidden',
        audience === 'panel'
          ? 'This room is for the panel. Log in to join it.'
          : 'This room is for registered members. Log in to join it.',
      );
    }
    // The panel's own room: panel members and those who work with them (hosts, moderators, admins).
    if (audience === 'panel' && !roleAtLeast(this.actor.role, 'panel'))
      return refuse(403, 'forbidden', 'This room is for panel members only.');
    return ALLOW;
  }

  // --- Consultations ---------------------------------------------------------------------

  /** A consultation is seen by its audience (everyone, members, the panel) and the admins; a draft by the admins only. */
  /** The consultation audiences this actor belongs to; lists filter by it. */
  consultationAudiences(): ConsultationFacts['audience'][] {
    if (this.isGuest) return ['everyone'];
    return this.hasRole('panel') ? ['everyone', 'members', 'panel'] : ['everyone', 'members'];
  }

  canSeeConsultation(c: ConsultationFacts): Decision {
    if (this.hasRole('admin')) return ALLOW;
    return c.status !== 'draft' && this.consultationAudiences().includes(c.audience)
      ? ALLOW
      : notFound('That consultation');
  }

  /** Answering: the audience; a guest only where the answers are anonymous and everyone is asked. */
  canRespondToConsultation(c: ConsultationFacts): Decision {
    const seen = this.canSeeConsultation(c);
    if (!seen.allowed) return seen;
    if (this.isGuest && !(c.audience === 'everyone' && c.anonymity === 'anonymous')) return needLogin();
    return this.canWrite();
  }

  /** Host tools in a café room (remove, mute, kick, slow mode, close) and opening hours. */
  canHostCafe(): Decision {
    if (this.actor.kind === 'guest' || !roleAtLeast(this.actor.role, ROLE_ACTIONS['cafe.host'])) {
      return refuse(403, 'not_host', 'Only the café hosts can do that.');
    }
    return ALLOW;
  }

  // --- Calendar (issue 15) ----------------------------------------------------------------

  /** The event audiences this actor belongs to; lists and feeds filter by it. */
  eventAudiences(): EventFacts['audience'][] {
    if (this.isGuest) return ['everyone'];
    // The panel's meetings are the panel's, and of those who work with them (hosts and up).
    return this.hasRole('panel') ? ['everyone', 'members', 'panel'] : ['everyone', 'members'];
  }

  /** An event is seen by its audience; outside it, it does not exist (404, as for an unknown one) — organiser or not. */
  canSeeEvent(e: EventFacts): Decision {
    return this.eventAudiences().includes(e.audience) ? ALLOW : notFound('That event');
  }

  /**
   * Organising is a right of the role, not a standing grant: the organiser while they are host or
   * up (a demoted organiser keeps nothing of their events, decision 0040).
   */
  organises(e: EventFacts): boolean {
    return this.owns(e) && this.hasRole(ROLE_ACTIONS['calendar.host']) && this.canSeeEvent(e).allowed;
  }

  /** Editing, cancelling, the registrations list: its organiser, and the moderators who look after everything. */
  canManageEvent(e: EventFacts): Decision {
    const seen = this.canSeeEvent(e);
    if (!seen.allowed) return seen;
    if (this.actor.kind === 'guest') return needLogin();
    if (this.organises(e) || this.hasRole('moderator')) return ALLOW;
    return refuse(403, 'not_organiser', 'Only the organiser or a moderator can change this event.');
  }

  /** Signing up: by name, so members only (a mute stops writing, not coming to a meeting). */
  canRegisterForEvent(e: EventFacts): Decision {
    const seen = this.canSeeEvent(e);
    if (!seen.allowed) return seen;
    if (this.actor.kind === 'guest') return needLogin();
    return ALLOW;
  }

  // --- Reader safety (issue 18) -----------------------------------------------------------

  /**
   * A gentle reaction to a post: a member who may write, to a published post of someone else.
   * One's own post is refused: a reaction row would then hold the account beside its own
   * anonymous post (decision 0004).
   */
  canReactTo(post: PostFacts): Decision {
    const see = this.canSeePost(post);
    if (!see.allowed) return see;
    if (this.actor.kind === 'guest') return needLogin();
    const write = this.canWrite();
    if (!write.allowed) return write;
    if (post.status !== 'published') return refuse(409, 'not_published', 'Only published posts take reactions.');
    if (this.owns(post)) return refuse(409, 'own_post', 'You cannot react to your own post.');
    return ALLOW;
  }

  /**
   * Ignoring the author of a post: a member, a post of someone else with an author to ignore (an
   * account by name, or an anonymous author in that thread; a guest's posts stand alone).
   */
  canIgnoreAuthorOf(post: PostFacts, author: 'user' | 'anonymous' | 'guest' | 'deleted'): Decision {
    const see = this.canSeePost(post);
    if (!see.allowed) return see;
    if (this.actor.kind === 'guest') return needLogin();
    if (this.owns(post)) return refuse(409, 'ignore_self', 'You cannot ignore yourself.');
    if (author !== 'user' && author !== 'anonymous')
      return refuse(409, 'nobody_to_ignore', 'This post has no author to ignore.');
    return ALLOW;
  }
}
