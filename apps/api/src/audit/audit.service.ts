import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditAction } from '#libs/contracts';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { AuditRepository } from './audit.repository.js';
import type { AuditItemDto } from './dto/audit.dto.js';

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string | null;
  reason?: string | null;
  meta?: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The append-only audit log. Always written with the caller's transaction manager, so the entry
 * and the action it records commit or fail together.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    return this.repo.insert(manager, {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      reason: entry.reason ?? null,
      meta: entry.meta ?? {},
    });
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
    const after = decodeCursor(cursor, ['date', 'uuid']) as [string, string] | null;
    const actorIsId = filter.actor !== undefined && UUID.test(filter.actor);
    const rows = await this.repo.page(
      {
        action: filter.action ?? null,
        actorId: actorIsId ? filter.actor! : null,
        actorName: filter.actor !== undefined && !actorIsId ? filter.actor : null,
      },
      after,
      limit + 1,
    );
    return toPage(
      rows,
      limit,
      (r) => [r.created_key, r.id],
      (r) => ({
        id: r.id,
        actor: r.actor_id && r.username ? { id: r.actor_id, username: r.username } : null,
        action: r.action,
        target: r.target_type
          ? { type: r.target_type, id: r.target_id, label: r.target_label, threadId: r.target_thread_id }
          : null,
        reason: r.reason,
        createdAt: r.created_at.toISOString(),
      }),
    );
  }
}
