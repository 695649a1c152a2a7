import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CLAIM_MINUTES, type Priority, type QueueItemStatus, type QueueItemType } from '#libs/moderation';
import type { QueueItemRow } from './queue.mappers.js';

export interface OpenItemRow {
  id: string;
  type: QueueItemType;
  priority: Priority;
  reasons: string[];
}

/** An item with what deciding on it needs. */
export interface ItemRow {
  id: string;
  type: QueueItemType;
  status: QueueItemStatus;
  post_id: string | null;
  thread_id: string | null;
  cafe_message_id: string | null;
  consultation_response_id: string | null;
  directory_suggestion_id: string | null;
  /** Only while the claim is active. */
  claimed_by: string | null;
  resolved_at: Date | null;
  post_status_before: string | null;
}

const CLAIM_ACTIVE = `claimed_at > clock_timestamp() - interval '${CLAIM_MINUTES} minutes'`;
const ITEM_COLUMNS = `id, type, status, post_id, thread_id, cafe_message_id, consultation_response_id, directory_suggestion_id, CASE WHEN ${CLAIM_ACTIVE} THEN claimed_by END AS claimed_by, resolved_at, post_status_before`;
const RANK = `CASE WHEN q.priority = 'crisis' THEN 0 ELSE 1 END`;

/** The moderation queue: `moderation_queue` and its append-only `moderation_history`. */
@Injectable()
export class QueueRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The open items, crisis first, then oldest. */
  listOpen(after: [number, string, string] | null, limit: number): Promise<QueueItemRow[]> {
    return this.db.query(
      `SELECT q.id, q.type, q.priority, q.reasons, q.created_at, q.created_at::text AS created_key, q.post_id, q.thread_id, q.cafe_message_id,
              q.consultation_response_id, q.directory_suggestion_id,
              ${RANK} AS rank,
              cu.id AS claimed_by, cu.username AS claimed_username, cu.display_name AS claimed_display_name
       FROM moderation_queue q
       LEFT JOIN users cu ON cu.id = q.claimed_by AND q.${CLAIM_ACTIVE}
       WHERE q.status = 'open'
         AND ($1::int IS NULL OR (${RANK}, q.created_at, q.id) > ($1::int, $2::timestamptz, $3::uuid))
       ORDER BY ${RANK}, q.created_at, q.id
       LIMIT $4`,
      [after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
    );
  }

  /** An item, row-locked with `lock` (in the deciding transaction). */
  async find(manager: EntityManager | undefined, id: string, lock = false): Promise<ItemRow | null> {
    const rows: ItemRow[] = await (manager ?? this.db.manager).query(
      `SELECT ${ITEM_COLUMNS} FROM moderation_queue WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The post's open item, row-locked, if it has one. */
  async openItemOfPost(tx: EntityManager, postId: string): Promise<OpenItemRow | null> {
    const rows: OpenItemRow[] = await tx.query(
      `SELECT id, type, priority, reasons FROM moderation_queue WHERE post_id = $1 AND status = 'open' FOR UPDATE`,
      [postId],
    );
    return rows[0] ?? null;
  }

  /** The café message's open item, row-locked, if it has one. */
  async openItemOfCafeMessage(tx: EntityManager, messageId: string): Promise<OpenItemRow | null> {
    const rows: OpenItemRow[] = await tx.query(
      `SELECT id, type, priority, reasons FROM moderation_queue WHERE cafe_message_id = $1 AND status = 'open' FOR UPDATE`,
      [messageId],
    );
    return rows[0] ?? null;
  }

  async insert(
    tx: EntityManager,
    item: {
      type: QueueItemType;
      postId: string | null;
      threadId: string | null;
      cafeMessageId: string | null;
      consultationResponseId?: string | null;
      directorySuggestionId?: string | null;
      priority: Priority;
      reasons: string[];
    },
  ): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO moderation_queue (type, post_id, thread_id, cafe_message_id, consultation_response_id, directory_suggestion_id, priority, reasons)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        item.type,
        item.postId,
        item.threadId,
        item.cafeMessageId,
        item.consultationResponseId ?? null,
        item.directorySuggestionId ?? null,
        item.priority,
        item.reasons,
      ],
    );
    return row.id;
  }

  async retag(
    tx: EntityManager,
    id: string,
    tags: { type?: QueueItemType; priority: Priority; reasons: string[] },
  ): Promise<void> {
    await tx.query('UPDATE moderation_queue SET type = COALESCE($2, type), priority = $3, reasons = $4 WHERE id = $1', [
      id,
      tags.type ?? null,
      tags.priority,
      tags.reasons,
    ]);
  }

  /** Closes an open item; null when it was not open any more (someone else decided first). */
  async close(
    tx: EntityManager,
    id: string,
    status: 'approved' | 'rejected' | 'hidden' | 'withdrawn',
    actorId: string | null,
    postStatusBefore: string | null,
  ): Promise<{ id: string; cafe_message_id: string | null } | null> {
    const [rows]: [{ id: string; cafe_message_id: string | null }[], number] = await tx.query(
      `UPDATE moderation_queue SET status = $2, resolved_at = clock_timestamp(), resolved_by = $3, post_status_before = $4
       WHERE id = $1 AND status = 'open' RETURNING id, cafe_message_id`,
      [id, status, actorId, postStatusBefore],
    );
    return rows[0] ?? null;
  }

  async claim(tx: EntityManager, id: string, userId: string): Promise<void> {
    await tx.query('UPDATE moderation_queue SET claimed_by = $2, claimed_at = clock_timestamp() WHERE id = $1', [
      id,
      userId,
    ]);
  }

  /** A rejection undone: the item is open again, claimed by whoever undid it. */
  async reopenRejected(tx: EntityManager, id: string, userId: string): Promise<void> {
    await tx.query(
      `UPDATE moderation_queue SET status = 'open', resolved_at = NULL, resolved_by = NULL, post_status_before = NULL, claimed_by = $2, claimed_at = clock_timestamp()
       WHERE id = $1 AND status = 'rejected'`,
      [id, userId],
    );
  }

  /** One line of an item's history (append-only). */
  async history(
    tx: EntityManager,
    itemId: string,
    event: string,
    actorId: string | null,
    meta: Record<string, unknown>,
  ): Promise<void> {
    await tx.query('INSERT INTO moderation_history (item_id, event, actor_id, meta) VALUES ($1, $2, $3, $4)', [
      itemId,
      event,
      actorId,
      JSON.stringify(meta),
    ]);
  }

  /** Open items, and how many of them are crisis items. */
  async counts(manager: EntityManager = this.db.manager): Promise<{ pending: number; crisisPending: number }> {
    const [row]: { pending: number; crisisPending: number }[] = await manager.query(
      `SELECT count(*)::int AS pending, (count(*) FILTER (WHERE priority = 'crisis'))::int AS "crisisPending" FROM moderation_queue WHERE status = 'open'`,
    );
    return row;
  }

  /** Open flags, the oldest open item's wait and the median time to a decision over a week. */
  async waiting(): Promise<{ flags_open: number; oldest: number | null; median: number | null }> {
    const [row]: { flags_open: number; oldest: number | null; median: number | null }[] = await this.db.query(
      `SELECT (SELECT count(*) FROM flags WHERE status = 'open')::int AS flags_open,
              (SELECT extract(epoch FROM clock_timestamp() - min(created_at)) FROM moderation_queue WHERE status = 'open')::float8 AS oldest,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at))
                 FROM moderation_queue WHERE resolved_by IS NOT NULL AND resolved_at > clock_timestamp() - interval '7 days')::float8 AS median`,
    );
    return row;
  }
}
