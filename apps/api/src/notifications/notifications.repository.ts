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

/** Whose notifications: those to the user's id, and those to their keys in scopes (about anonymous content). */
const TO_USER = `(user_id = $1 OR (scope_id, recipient_hash) IN (SELECT * FROM unnest($2::uuid[], $3::bytea[])))`;

/** The `notifications` table. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    tx: EntityManager,
    n: {
      userId: string | null;
      hash: Buffer | null;
      scopeId: string | null;
      type: string;
      text: string;
      link: string | null;
      itemId: string | null;
    },
  ): Promise<NotificationRow> {
    const [row]: NotificationRow[] = await tx.query(
      `INSERT INTO notifications (user_id, recipient_hash, scope_id, type, text, link, item_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${COLUMNS}`,
      [n.userId, n.hash, n.scopeId, n.type, n.text, n.link, n.itemId],
    );
    return row;
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

  /** Newest first. */
  page(userId: string, keys: ScopedKeys, after: [string, string] | null, limit: number): Promise<NotificationRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM notifications
       WHERE ${TO_USER}
         AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
       ORDER BY created_at DESC, id DESC
       LIMIT $6`,
      [userId, keys.ids, keys.hashes, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** Marks those of `ids` that are the user's read; the number marked. */
  async markRead(userId: string, keys: ScopedKeys, ids: string[]): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE notifications SET read_at = clock_timestamp()
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
