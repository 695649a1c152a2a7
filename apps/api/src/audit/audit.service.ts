import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export const AUDIT_ACTIONS = [
  'approve', 'reject', 'undo', 'hide', 'restore', 'lock', 'unlock', 'pin', 'unpin', 'move', 'sanction', 'reveal',
  'role', 'settings', 'watched_word', 'category', 'cafe_moderate', 'password_reset', 'panel_application', 'edit', 'delete',
  'claim', 'cafe_room',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
@Injectable()
export class AuditService {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, reason, meta) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.actorId, entry.action, entry.targetType ?? null, entry.targetId ?? null, entry.reason ?? null, JSON.stringify(entry.meta ?? {})],
    );
  }
}
