import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface AuditRow {
  id: string;
  actor_id: string | null;
  username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** What the target is called now (a user's names, a thread's title, a room's name), null when gone or nameless. */
  target_label: string | null;
  /** The thread a post or thread target is in, for a link. */
  target_thread_id: string | null;
  reason: string | null;
  created_at: Date;
  created_key: string;
}

/** The append-only `audit_log` table. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    manager: EntityManager,
    e: {
      actorId: string | null;
      action: string;
      targetType: string | null;
      targetId: string | null;
      reason: string | null;
      meta: Record<string, unknown>;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, reason, meta) VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.actorId, e.action, e.targetType, e.targetId, e.reason, JSON.stringify(e.meta)],
    );
  }

  /** Newest first; the actor by id or by username. `meta` is never read here. */
  page(
    filter: { action: string | null; actorId: string | null; actorName: string | null },
    after: [string, string] | null,
    limit: number,
  ): Promise<AuditRow[]> {
    return this.db.query(
      `SELECT a.id, a.actor_id, u.username, a.action, a.target_type, a.target_id, a.reason, a.created_at, a.created_at::text AS created_key,
              CASE a.target_type
                WHEN 'user' THEN (SELECT tu.display_name || ' (@' || tu.username || ')' FROM users tu WHERE tu.id = a.target_id)
                WHEN 'thread' THEN (SELECT t.title FROM threads t WHERE t.id = a.target_id)
                WHEN 'post' THEN (SELECT t.title FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = a.target_id)
                WHEN 'category' THEN (SELECT c.name FROM categories c WHERE c.id = a.target_id)
                WHEN 'cafe_room' THEN (SELECT r.name FROM cafe_rooms r WHERE r.id = a.target_id)
                WHEN 'watched_word' THEN (SELECT w.pattern FROM watched_words w WHERE w.id = a.target_id)
              END AS target_label,
              CASE a.target_type
                WHEN 'thread' THEN a.target_id
                WHEN 'post' THEN (SELECT p.thread_id FROM posts p WHERE p.id = a.target_id)
              END AS target_thread_id
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       WHERE ($1::text IS NULL OR a.action = $1)
         AND ($2::uuid IS NULL OR a.actor_id = $2)
         AND ($3::text IS NULL OR a.actor_id = (SELECT id FROM users WHERE lower(username) = lower($3)))
         AND ($4::timestamptz IS NULL OR (a.created_at, a.id) < ($4::timestamptz, $5::uuid))
       ORDER BY a.created_at DESC, a.id DESC
       LIMIT $6`,
      [filter.action, filter.actorId, filter.actorName, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }
}
