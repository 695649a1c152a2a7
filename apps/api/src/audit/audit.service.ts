import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import type { AuditItemDto } from './dto/audit.dto.js';

import type { AuditAction } from '#libs/contracts';

// The action names are part of the contract (the web filters the log by them).
export { AUDIT_ACTIONS, type AuditAction } from '#libs/contracts';

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string | null;
  reason?: string | null;
  meta?: Record<string, unknown>;
}

/**
 * The append-only audit log. Always written with the caller's transaction manager, so the entry
 * and the action it records commit or fail together.
 */
interface AuditRow {
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, reason, meta) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.actorId,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        entry.reason ?? null,
        JSON.stringify(entry.meta ?? {}),
      ],
    );
  }

  /**
   * Newest first, optionally by action and by actor (username or id). `meta` is never shown: the
   * reveal's entry keeps the revealed user there, for administrators reading the database only.
   */
  async list(
    filter: { action?: AuditAction; actor?: string },
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<AuditItemDto>> {
    const after = decodeCursor(cursor, ['date', 'uuid']);
    const actorIsId = filter.actor !== undefined && UUID.test(filter.actor);
    const rows: AuditRow[] = await this.db.query(
      `SELECT a.id, a.actor_id, u.username, a.action, a.target_type, a.target_id, a.reason, a.created_at, a.created_at::text AS created_key
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       WHERE ($1::text IS NULL OR a.action = $1)
         AND ($2::uuid IS NULL OR a.actor_id = $2)
         AND ($3::text IS NULL OR a.actor_id = (SELECT id FROM users WHERE lower(username) = lower($3)))
         AND ($4::timestamptz IS NULL OR (a.created_at, a.id) < ($4::timestamptz, $5::uuid))
       ORDER BY a.created_at DESC, a.id DESC
       LIMIT $6`,
      [
        filter.action ?? null,
        actorIsId ? filter.actor : null,
        filter.actor !== undefined && !actorIsId ? filter.actor : null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit + 1,
      ],
    );
    return toPage(
      rows,
      limit,
      (r) => [r.created_key, r.id],
      (r) => ({
        id: r.id,
        actor: r.actor_id && r.username ? { id: r.actor_id, username: r.username } : null,
        action: r.action,
        target: r.target_type ? { type: r.target_type, id: r.target_id } : null,
        reason: r.reason,
        createdAt: r.created_at.toISOString(),
      }),
    );
  }
}
