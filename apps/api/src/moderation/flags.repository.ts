import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FlagReason } from '#libs/contracts';

/** The `flags` table: flags on posts, each attached to its post's queue item. */
@Injectable()
export class FlagsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async hasFlagged(tx: EntityManager, postId: string, reporterId: string): Promise<boolean> {
    const [row]: { n: number }[] = await tx.query(
      'SELECT count(*)::int AS n FROM flags WHERE post_id = $1 AND reporter_id = $2',
      [postId, reporterId],
    );
    return row.n > 0;
  }

  async insert(
    tx: EntityManager,
    f: {
      postId: string;
      reporterId: string | null;
      reason: string;
      note: string | null;
      itemId: string;
      countsTowardHide: boolean;
    },
  ): Promise<{ id: string; created_at: Date }> {
    const [row]: { id: string; created_at: Date }[] = await tx.query(
      `INSERT INTO flags (post_id, reporter_id, reason, note, item_id, counts_toward_hide) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at`,
      [f.postId, f.reporterId, f.reason, f.note, f.itemId, f.countsTowardHide],
    );
    return row;
  }

  /** Open flags on the item from members in good standing. */
  async countTowardHiding(tx: EntityManager, itemId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await tx.query(
      `SELECT count(*)::int AS n FROM flags WHERE item_id = $1 AND status = 'open' AND counts_toward_hide`,
      [itemId],
    );
    return n;
  }

  openReasons(tx: EntityManager, itemId: string): Promise<{ reason: string }[]> {
    return tx.query(`SELECT reason FROM flags WHERE item_id = $1 AND status = 'open'`, [itemId]);
  }

  /** Settles the item's open flags. */
  async settle(
    tx: EntityManager,
    itemId: string,
    status: 'resolved' | 'dismissed',
    actorId: string | null,
  ): Promise<void> {
    await tx.query(
      `UPDATE flags SET status = $2, resolved_at = clock_timestamp(), resolved_by = $3 WHERE item_id = $1 AND status = 'open'`,
      [itemId, status, actorId],
    );
  }

  /** An undone rejection opens again the flags it had resolved. */
  async reopenResolved(tx: EntityManager, itemId: string): Promise<void> {
    await tx.query(
      `UPDATE flags SET status = 'open', resolved_at = NULL, resolved_by = NULL WHERE item_id = $1 AND status = 'resolved'`,
      [itemId],
    );
  }

  /** The open flags of these items, oldest first (for the queue's cards). */
  openOn(
    itemIds: string[],
  ): Promise<{ item_id: string; reason: FlagReason; note: string | null; createdAt: string }[]> {
    return this.db.query(
      `SELECT item_id, reason, note, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
       FROM flags WHERE item_id = ANY($1::uuid[]) AND status = 'open' ORDER BY created_at, id`,
      [itemIds],
    );
  }

  /** The flags a user raised (their export). */
  byReporter(userId: string): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT post_id AS "postId", reason, note, status, created_at AS "createdAt" FROM flags WHERE reporter_id = $1 ORDER BY created_at`,
      [userId],
    );
  }
}
