import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Policy } from '#libs/policy';
import { AnonymityService, sameKey } from '../anonymity/anonymity.service.js';
import { ensure } from '../auth/policy.guard.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { afterCommit } from '../database/after-commit.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import type { NotificationDto } from './dto/notification.dto.js';
import { Mailer } from './mailer.service.js';

import type { NotificationType } from '#libs/contracts';

export { NOTIFICATION_TYPES, type NotificationType } from '#libs/contracts';

/** A user by id (named content), or the author behind anonymous content: their keyed hash in a thread. */
export type Recipient = { userId: string } | { hash: Buffer; scope: string };

export interface NewNotification {
  type: NotificationType;
  text: string;
  link: string | null;
  /** The queue item it is about, so an undone rejection can take its notice back. */
  itemId?: string;
}

interface NotificationRow {
  id: string;
  type: NotificationType;
  text: string;
  link: string | null;
  created_at: Date;
  created_key: string;
  read_at: Date | null;
}

interface AuthorRow {
  author_kind: 'user' | 'anonymous' | 'guest';
  author_id: string | null;
  anon_hash: Buffer | null;
  thread_id: string;
}

export const postLink = (threadId: string, postId: string) => `/threads/${threadId}#post-${postId}`;

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly anonymity: AnonymityService,
    private readonly realtime: RealtimeService,
    private readonly mailer: Mailer,
  ) {}

  async send(tx: EntityManager, recipient: Recipient, n: NewNotification): Promise<void> {
    const named = 'userId' in recipient;
    const [row]: NotificationRow[] = await tx.query(
      `INSERT INTO notifications (user_id, recipient_hash, scope_id, type, text, link, item_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, type, text, link, created_at, created_at::text AS created_key, read_at`,
      [
        named ? recipient.userId : null,
        named ? null : recipient.hash,
        named ? null : recipient.scope,
        n.type,
        n.text,
        n.link,
        n.itemId ?? null,
      ],
    );
    const dto = toNotificationDto(row);
    afterCommit(tx, async () => {
      if (!named) return this.realtime.notifyAuthorKey(recipient.scope, recipient.hash, dto);
      this.realtime.notifyUser(recipient.userId, dto);
      if (!this.mailer.enabled) return;
      const [user]: { email: string | null }[] = await this.db.query('SELECT email FROM users WHERE id = $1', [
        recipient.userId,
      ]);
      if (user?.email) await this.mailer.sendNotification(user.email, dto.link);
    });
  }

  /** The author of a post, however they wrote it; a guest has no one to tell here (their receipt tells them). */
  async authorOf(tx: EntityManager, postId: string): Promise<Recipient | null> {
    const [row]: AuthorRow[] = await tx.query(
      'SELECT author_kind, author_id, anon_hash, thread_id FROM posts WHERE id = $1',
      [postId],
    );
    return row ? this.recipientOf(row) : null;
  }

  async toAuthorOf(tx: EntityManager, postId: string, n: NewNotification): Promise<void> {
    const recipient = await this.authorOf(tx, postId);
    if (recipient) await this.send(tx, recipient, n);
  }

  /** The author of held or flagged content is told a moderator's decision, and why (ground rule 8). */
  async decided(
    tx: EntityManager,
    post: { id: string; thread_id: string },
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
    await this.toAuthorOf(tx, post.id, { type: decision, text, link: postLink(post.thread_id, post.id), itemId });
  }

  /** A reply became visible: its thread's author is told, unless they wrote it themselves. */
  async replyPublished(tx: EntityManager, postId: string): Promise<void> {
    const [row]: (AuthorRow & {
      thread_author_kind: AuthorRow['author_kind'];
      thread_author_id: string | null;
      thread_author_hash: Buffer | null;
      title: string;
      is_opening: boolean;
    })[] = await tx.query(
      `SELECT p.author_kind, p.author_id, p.anon_hash, p.thread_id, p.is_opening,
              t.author_kind AS thread_author_kind, t.author_id AS thread_author_id, t.author_hash AS thread_author_hash, t.title
       FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = $1`,
      [postId],
    );
    if (!row || row.is_opening) return;
    const threadAuthor = this.recipientOf({
      author_kind: row.thread_author_kind,
      author_id: row.thread_author_id,
      anon_hash: row.thread_author_hash,
      thread_id: row.thread_id,
    });
    if (!threadAuthor || (await this.sameWriter(tx, threadAuthor, row))) return;
    await this.send(tx, threadAuthor, {
      type: 'reply',
      text: `Nytt svar i tråden din «${row.title}».`,
      link: postLink(row.thread_id, postId),
    });
  }

  /** Takes back the notices about a queue item (its decision was undone). */
  async withdrawFor(tx: EntityManager, itemId: string): Promise<void> {
    await tx.query('DELETE FROM notifications WHERE item_id = $1', [itemId]);
  }

  /** The caller's notifications, newest first: those to their id, and those to their keys in threads. */
  async list(policy: Policy, limit: number, cursor: string | undefined): Promise<Page<NotificationDto>> {
    ensure(policy.canReadNotifications());
    const { scopes, hashes } = await this.myKeys(policy.userId!);
    const after = decodeCursor(cursor, ['date', 'uuid']);
    const rows: NotificationRow[] = await this.db.query(
      `SELECT id, type, text, link, created_at, created_at::text AS created_key, read_at FROM notifications
       WHERE (user_id = $1 OR (scope_id, recipient_hash) IN (SELECT * FROM unnest($2::uuid[], $3::bytea[])))
         AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
       ORDER BY created_at DESC, id DESC
       LIMIT $6`,
      [policy.userId, scopes, hashes, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return toPage(rows, limit, (r) => [r.created_key, r.id], toNotificationDto);
  }

  /** Marks the caller's own notifications read; ids that are not theirs are left alone. */
  async markRead(policy: Policy, ids: string[]): Promise<number> {
    ensure(policy.canReadNotifications());
    const { scopes, hashes } = await this.myKeys(policy.userId!);
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE notifications SET read_at = clock_timestamp()
       WHERE id = ANY($1::uuid[]) AND read_at IS NULL
         AND (user_id = $2 OR (scope_id, recipient_hash) IN (SELECT * FROM unnest($3::uuid[], $4::bytea[])))`,
      [ids, policy.userId, scopes, hashes],
    );
    return count;
  }

  /** The user's keys in every thread that has notifications to a hash: computed here, stored nowhere. */
  private async myKeys(userId: string): Promise<{ scopes: string[]; hashes: Buffer[] }> {
    const viewer = await this.anonymity.viewer(userId);
    const rows: { scope_id: string }[] = await this.db.query(
      'SELECT DISTINCT scope_id FROM notifications WHERE recipient_hash IS NOT NULL',
    );
    const scopes = rows.map((r) => r.scope_id);
    return { scopes, hashes: scopes.map((s) => viewer.keyIn(s)!) };
  }

  private recipientOf(row: AuthorRow): Recipient | null {
    if (row.author_kind === 'user') return row.author_id ? { userId: row.author_id } : null;
    if (row.author_kind === 'anonymous') return { hash: row.anon_hash!, scope: row.thread_id };
    return null;
  }

  /** Whether the reply's writer is the thread's author, however each of them wrote (by name or not). */
  private async sameWriter(tx: EntityManager, threadAuthor: Recipient, reply: AuthorRow): Promise<boolean> {
    if (reply.author_kind === 'guest') return false;
    if ('userId' in threadAuthor) {
      if (reply.author_kind === 'user') return reply.author_id === threadAuthor.userId;
      const salt = await this.anonymity.saltOf(threadAuthor.userId, tx);
      return !!salt && sameKey(this.anonymity.keyFor(salt, reply.thread_id), reply.anon_hash);
    }
    if (reply.author_kind === 'anonymous') return sameKey(reply.anon_hash, threadAuthor.hash);
    const salt = reply.author_id ? await this.anonymity.saltOf(reply.author_id, tx) : null;
    return !!salt && sameKey(this.anonymity.keyFor(salt, threadAuthor.scope), threadAuthor.hash);
  }
}
