import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { Authorship, type Recipient } from '../authorship/authorship.service.js';
import type { Authored } from '../authorship/viewer.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { afterCommit } from '../database/after-commit.js';
import { IdentityService } from '../identity/identity.service.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type { NotificationDto } from './dto/notification.dto.js';
import { Mailer } from './mailer.service.js';
import { NotificationsRepository, type NewNotificationRow, type NotificationRow } from './notifications.repository.js';

import { webRoutes, type NotificationType, type ReactionKind } from '#libs/contracts';

export { NOTIFICATION_TYPES, type NotificationType } from '#libs/contracts';

export interface NewNotification {
  type: NotificationType;
  text: string;
  /** The post it is about: its link, and read only while its thread can be read. */
  post?: {
    threadId: string;
    postId: string;
    /** The thread's category visibility, where the caller holds it. */ visibility?: string;
  };
  /** Otherwise, where to look (a path from webRoutes). */
  link?: string;
  /** The queue item it is about, so an undone rejection can take its notice back. */
  itemId?: string;
  /** About this account's named action: not sent to someone who ignores them by name (issue 18). */
  aboutNamed?: string;
}

/** A post as a notification about it needs it: its id and thread, and who wrote it. */
export interface PostAbout {
  id: string;
  threadId: string;
  author: Authored;
}

/** A notification not yet stored: its row, and what is done once it is (after the commit of `tx`, or now without one). */
export interface PreparedNotice {
  row: NewNotificationRow;
  deliver: (stored: NotificationRow, tx?: EntityManager) => Promise<void>;
}

/** A reply that has just become visible, with who wrote it and who wrote its thread. */
export interface PublishedReply {
  postId: string;
  threadId: string;
  threadTitle: string;
  /** Where the caller holds it: the visibility of the thread's category. */
  threadVisibility?: string;
  author: Authored;
  threadAuthor: Authored;
}

function toNotificationDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    type: row.type,
    text: row.text,
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

/**
 * In-app notifications. About anonymous content they are addressed to the author's keyed hash in
 * the thread (docs/decisions/0004), so the table never links an account to it; the author finds
 * them by computing their own keys, in memory. Delivered live over /me after the commit, and by
 * email (a bare "you have a notification" with a link) to named users with an address.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly users: UsersRepository,
    private readonly authorship: Authorship,
    private readonly realtime: RealtimeService,
    private readonly mailer: Mailer,
    private readonly identity: IdentityService,
  ) {}

  send(tx: EntityManager, recipient: Recipient, n: NewNotification): Promise<void> {
    return this.store(tx, this.prepare(recipient, n));
  }

  private async store(tx: EntityManager, notice: PreparedNotice): Promise<void> {
    const row = await this.repo.insert(tx, notice.row);
    if (row) await notice.deliver(row, tx);
  }

  /** The row `n` is stored as, and its delivery once stored (live, and by email). */
  private prepare(recipient: Recipient, n: NewNotification): PreparedNotice {
    const named = 'userId' in recipient;
    const row: NewNotificationRow = {
      userId: named ? recipient.userId : null,
      hash: named ? null : recipient.hash,
      scopeId: named ? null : recipient.scope.id,
      type: n.type,
      text: n.text,
      link: n.post ? webRoutes.post(n.post.threadId, n.post.postId) : (n.link ?? null),
      itemId: n.itemId ?? null,
      threadId: n.post?.threadId ?? null,
      unlessIgnoring: named ? n.aboutNamed : null,
    };
    const deliver = async (stored: NotificationRow, tx?: EntityManager) => {
      const dto = toNotificationDto(stored);
      // Live, only to someone who may read the thread now. Behind a key the reader's role is not
      // known here, so a notice about a thread outside the open categories waits in their list.
      const visibility = n.post
        ? (n.post.visibility ?? (await this.repo.visibilityOfThread(tx, n.post.threadId)))
        : 'open';
      afterCommit(tx, async () => {
        if (!named) {
          if (visibility === 'open') await this.realtime.notifyAuthorKey(recipient.scope, recipient.hash, dto);
          return;
        }
        if (visibility !== 'open' && !(await this.mayRead(recipient.userId, visibility))) return;
        this.realtime.notifyUser(recipient.userId, dto);
        if (!this.mailer.enabled) return;
        const email = await this.users.emailOf(recipient.userId);
        if (email) await this.mailer.sendNotification(email);
      });
    };
    return { row, deliver };
  }

  /** The author of a piece of content, however they wrote it; a guest has no one to tell here (their receipt tells them). */
  async toAuthor(tx: EntityManager, author: Authored, n: NewNotification): Promise<void> {
    const recipient = this.authorship.recipientOf(author);
    if (recipient) await this.send(tx, recipient, n);
  }

  /** The author of held or flagged content is told a moderator's decision, and why (ground rule 8). */
  async decided(
    tx: EntityManager,
    post: PostAbout,
    decision: 'approved' | 'rejected' | 'restored',
    reason: string | null,
    itemId?: string,
  ): Promise<void> {
    const text =
      decision === 'approved'
        ? 'Innlegget ditt er lest av en moderator og vises nå.'
        : decision === 'restored'
          ? 'Innlegget ditt er lest av en moderator og vises igjen.'
          : `Innlegget ditt ble ikke publisert. Begrunnelse: ${reason ?? ''}`;
    await this.toAuthor(tx, post.author, {
      type: decision,
      text,
      post: { threadId: post.threadId, postId: post.id },
      itemId,
    });
  }

  /**
   * A reply became visible: its thread's author is told — also when they wrote it themselves, so
   * that a reply with no notification does not name the author of an anonymous thread in a dump.
   */
  async replyPublished(tx: EntityManager, reply: PublishedReply): Promise<void> {
    const notice = this.replyNotice(reply);
    if (notice) await this.store(tx, notice);
  }

  /**
   * `replyPublished` for a writer that stores the notice in the statement that writes the reply
   * (ForumWriter.publishReply): none when the thread's author can't be told.
   */
  replyNotice(reply: PublishedReply): PreparedNotice | null {
    const threadAuthor = this.authorship.recipientOf(reply.threadAuthor);
    if (!threadAuthor) return null;
    // Someone ignored by name is not heard of by name (issue 18). Only a named reply to a named
    // reader: the absence of a notice to a key, or about an anonymous reply, would point at a person.
    const named = reply.author.authorKind === 'user' && reply.author.authorId ? reply.author.authorId : undefined;
    return this.prepare(threadAuthor, {
      type: 'reply',
      text: `Nytt svar i tråden din «${reply.threadTitle}».`,
      post: { threadId: reply.threadId, postId: reply.postId, visibility: reply.threadVisibility },
      aboutNamed: named,
    });
  }

  /**
   * Reactions to a post, told in aggregate ("3 sent support"): one notice per post, replaced while
   * it is unread, never naming who reacted (issue 18).
   */
  async reactions(
    tx: EntityManager,
    post: PostAbout & { threadTitle: string },
    counts: Record<ReactionKind, number>,
  ): Promise<void> {
    const recipient = this.authorship.recipientOf(post.author);
    if (!recipient) return;
    const link = webRoutes.post(post.threadId, post.id);
    await this.repo.deleteUnread(
      tx,
      'userId' in recipient ? { userId: recipient.userId } : { hash: recipient.hash, scopeId: recipient.scope.id },
      'reactions',
      link,
    );
    await this.send(tx, recipient, {
      type: 'reactions',
      text: reactionsText(post.threadTitle, counts),
      post: { threadId: post.threadId, postId: post.id },
    });
  }

  /** Takes back the notices about a queue item (its decision was undone). */
  withdrawFor(tx: EntityManager, itemId: string): Promise<void> {
    return this.repo.deleteForItem(tx, itemId);
  }

  /** The caller's notifications, newest first: those to their id, and those to their keys in threads. */
  async list(policy: Policy, limit: number, cursor: string | undefined): Promise<Page<NotificationDto>> {
    ensure(policy.canReadNotifications());
    const keys = await this.keysOf(policy.userId!);
    const after = decodeCursor(cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.repo.page(policy.userId!, keys, policy.readableVisibilities(), after, limit + 1);
    return toPage(rows, limit, (r) => [r.created_key, r.id], toNotificationDto);
  }

  /** Marks the caller's own notifications read; ids that are not theirs are left alone. */
  async markRead(policy: Policy, ids: string[]): Promise<number> {
    ensure(policy.canReadNotifications());
    return this.repo.markRead(policy.userId!, await this.keysOf(policy.userId!), ids);
  }

  /** Every notification of the user, oldest first (their export). */
  async exportFor(userId: string): Promise<Record<string, unknown>[]> {
    return this.repo.forExport(userId, await this.keysOf(userId));
  }

  private async mayRead(userId: string, visibility: string | null): Promise<boolean> {
    const policy = await this.identity.policyOfUser(userId);
    return visibility !== null && (policy.readableVisibilities() as string[]).includes(visibility);
  }

  /** The user's keys in the threads where notifications to their key may be: computed by the authorship module, stored nowhere. */
  private async keysOf(userId: string) {
    const viewer = await this.authorship.viewer(userId);
    // Notices to a key are about anonymous content, so they are in threads the sealed index holds;
    // an older account's incomplete index falls back to every thread with such notices.
    const own = await this.authorship.ownScopes(viewer, 'thread');
    const threads = this.authorship.ownKeys(viewer, 'thread', own.complete ? own.ids : await this.repo.keyedScopes());
    // Consultations came with the index: every anonymous answer is in it.
    const answered = await this.authorship.ownScopes(viewer, 'consultation');
    const consultations = this.authorship.ownKeys(viewer, 'consultation', answered.ids);
    return { ids: [...threads.ids, ...consultations.ids], hashes: [...threads.hashes, ...consultations.hashes] };
  }
}

/** "«Tittel»: 3 personer sendte støtte og 1 takket." Counts only. */
const people = (n: number) => (n === 1 ? '1 person' : `${n} personer`);

export function reactionsText(title: string, counts: Record<ReactionKind, number>): string {
  const parts = [
    counts.support > 0 ? `${people(counts.support)} sendte støtte` : null,
    counts.thanks > 0 ? `${people(counts.thanks)} takket` : null,
    counts.same > 0 ? `${people(counts.same)} kjenner seg igjen` : null,
  ].filter((p): p is string => p !== null);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1]}` : (parts[0] ?? '');
  return `Innlegget ditt i «${title}»: ${list}.`;
}
