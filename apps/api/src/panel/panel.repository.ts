import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '#libs/contracts';
import type { ApplicationStatus } from './dto/panel.dto.js';

export interface ApplicationRow {
  id: string;
  user_id: string;
  motivation: string;
  status: ApplicationStatus;
  decision_reason: string | null;
  created_at: Date;
  created_key: string;
  decided_at: Date | null;
  username: string;
  display_name: string;
  role: Role;
}

const SELECT = `
  SELECT a.id, a.user_id, a.motivation, a.status, a.decision_reason, a.created_at, a.created_at::text AS created_key, a.decided_at,
         u.username, u.display_name, u.role
  FROM panel_applications a JOIN users u ON u.id = a.user_id`;

/** The `panel_applications` table, each application with its applicant's public fields. */
@Injectable()
export class PanelRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Null when the user has a pending application already. */
  async insert(userId: string, motivation: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO panel_applications (user_id, motivation) VALUES ($1, $2)
       ON CONFLICT (user_id) WHERE status = 'pending' DO NOTHING
       RETURNING id`,
      [userId, motivation],
    );
    return rows[0]?.id ?? null;
  }

  /** With `lock`, row-locked for a decision. */
  async find(manager: EntityManager | undefined, id: string, lock = false): Promise<ApplicationRow | null> {
    const rows: ApplicationRow[] = await (manager ?? this.db.manager).query(
      `${SELECT} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The user's applications, newest first. */
  byUser(userId: string): Promise<ApplicationRow[]> {
    return this.db.query(`${SELECT} WHERE a.user_id = $1 ORDER BY a.created_at DESC, a.id DESC`, [userId]);
  }

  /** Newest first, optionally by status. */
  page(status: ApplicationStatus | null, after: [string, string] | null, limit: number): Promise<ApplicationRow[]> {
    return this.db.query(
      `${SELECT}
       WHERE ($1::text IS NULL OR a.status = $1) AND ($2::timestamptz IS NULL OR (a.created_at, a.id) < ($2::timestamptz, $3::uuid))
       ORDER BY a.created_at DESC, a.id DESC
       LIMIT $4`,
      [status, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  async decide(
    tx: EntityManager,
    id: string,
    to: 'approved' | 'rejected',
    reason: string | null,
    by: string | null,
  ): Promise<void> {
    await tx.query(
      `UPDATE panel_applications SET status = $2, decision_reason = $3, decided_by = $4, decided_at = clock_timestamp() WHERE id = $1`,
      [id, to, reason, by],
    );
  }

  /** The user's applications (their export), oldest first. */
  forExport(userId: string): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT id, motivation, status, decision_reason AS "decisionReason", created_at AS "createdAt", decided_at AS "decidedAt"
       FROM panel_applications WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }
}
