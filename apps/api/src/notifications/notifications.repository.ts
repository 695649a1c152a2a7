import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationType } from '#libs/contracts';
import type { ScopedKeys } from '../authorship/viewer.js';

export interface NotificationRow {
  id: string;
  type: NotificationType;
  text: string;
  link: string | null;
  created_at: Date;
  created_key: string;
  read_at: Date | null;
}

const COLUMNS = 'id, type, text, link, created_at, created_at::text AS created_key, read_at';

/** A notification as it is stored. */
export interface NewNotificationRow {
  userId: string | null;
  hash: Buffer | null;
  scopeId: string | null;
  type: string;
  text: string;
  link: string | null;
  itemId: string | null;
  threadId: string | null;
  /** Not stored when the (named) recipient ignores this account by name. */
  unlessIgnoring?: string | null;
}

/**
 * The insert of one notification, its nine parameters (`notificationParams`) numbered from
 * `first`; `from` lets another statement insert it only beside rows it has just written.
 */
export function notificationInsert(first: number, from = ''): string {
  const $ = (i: number) => `$${first + i}`;
  return `INSERT INTO notifications (user_id, recipient_hash, scope_id, type, text, link, item_id, thread_id)
       SELECT ${[0, 1, 2, 3, 4, 5, 6, 7].map($).join(', ')} ${from}
       WHERE ${$(8)}::uuid IS NULL
          OR NOT EXISTS (SELECT 1 FROM ignored_users WHERE user_id = ${$(0)} AND ignored_user_id = ${$(8)}::uuid)
       RETURNING ${COLUMNS}`;
}

export function notificationParams(n: NewNotificationRow): unknown[] {
  return [n.userId, n.hash, n.scopeId, n.type, n.text, n.link, n.itemId, n.threadId, n.unlessIgnoring ?? null];
}

/** Whose notifications: those to the user's id, and those to their keys in scopes (about anonymous content). */
const TO_USER = `(user_id = $1 OR (scope_id, recipient_hash) IN (SELECT * FROM unnest($2::uuid[], $3::bytea[])))`;

/** The `notifications` table. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(tx: EntityManager, n: NewNotificationRow): Promise<NotificationRow | undefined> {
    const [row]: NotificationRow[] = await tx.query(notificationInsert(1), notificationParams(n));
    return row;
  }

  /** The visibility of the category a thread is in now (it may have been moved). */
  async visibilityOfThread(tx: EntityManager | undefined, threadId: string): Promise<string | null> {
    const rows: { visibility: string }[] = await (tx ?? this.db.manager).query(
      'SELECT c.visibility FROM threads t JOIN categories c ON c.id = t.category_id WHERE t.id = $1',
      [threadId],
    );
    return rows[0]?.visibility ?? null;
  }

  /** Takes back an unread notice of one type about one link to one recipient (it is about to be replaced). */
  async deleteUnread(
    tx: EntityManager,
    to: { userId: string } | { hash: Buffer; scopeId: string },
    type: string,
    link: string,
  ): Promise<void> {
    if ('userId' in to)
      await tx.query('DELETE FROM notifications WHERE user_id = $1 AND type = $2 AND link = $3 AND read_at IS NULL', [
        to.userId,
        type,
        link,
      ]);
    else
      await tx.query(
        `DELETE FROM notifications WHERE recipient_hash = $1 AND scope_id = $2 AND type = $3 AND link = $4
           AND read_at IS NULL`,
        [to.hash, to.scopeId, type, link],
      );
  }

  async deleteForItem(tx: EntityManager, itemId: string): Promise<void> {
    await tx.query('DELETE FROM notifications WHERE item_id = $1', [itemId]);
  }

  /** The scopes that hold notifications addressed to a key (where a user looks for their own). */
  async keyedScopes(): Promise<string[]> {
    const rows: { scope_id: string }[] = await this.db.query(
      'SELECT DISTINCT scope_id FROM notifications WHERE recipient_hash IS NOT NULL',
    );
    return rows.map((r) => r.scope_id);
  }

  /**
   * Newest first; those about a thread only while the thread's category is one of `visibilities`
   * (the reader's, asked now: a thread moved into a closed category takes its notices with it).
   */
  page(
    userId: string,
    keys: ScopedKeys,
    visibilities: string[],
    after: [string, string] | null,
    limit: number,
  ): Promise<NotificationRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM notifications
       WHERE ${TO_USER}
         AND (thread_id IS NULL OR EXISTS (
               SELECT 1 FROM threads t JOIN categories c ON c.id = t.category_id
               WHERE t.id = notifications.thread_id AND c.visibility = ANY($7::text[])))
         AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
       ORDER BY created_at DESC, id DESC
       LIMIT $6`,
      [userId, keys.ids, keys.hashes, after?.[0] ?? null, after?.[1] ?? null, limit, visibilities],
    );
  }

  /**
   * Marks those of `ids` that are the user's read; the number marked. `read_at` takes the
   * notification's own time, not the time of reading: marking named and anonymous ones read in one
   * request must not leave times microseconds apart that tie them together in a dump.
   */
  async markRead(userId: string, keys: ScopedKeys, ids: string[]): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE notifications SET read_at = created_at
       WHERE ${TO_USER} AND id = ANY($4::uuid[]) AND read_at IS NULL`,
      [userId, keys.ids, keys.hashes, ids],
    );
    return count;
  }

  /** For the user's export, oldest first. */
  forExport(userId: string, keys: ScopedKeys): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT type, text, link, created_at AS "createdAt", read_at AS "readAt" FROM notifications
       WHERE ${TO_USER}
       ORDER BY created_at`,
      [userId, keys.ids, keys.hashes],
    );
  }
}
