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
      `SELECT a.id, a.actor_id, u.username, a.action, a.target_type, a.target_id, a.reason, a.created_at, a.created_at::text AS created_key
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
