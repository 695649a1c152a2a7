import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '#libs/contracts';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { conflict, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import type { AdminPanelApplicationDto, ApplicationStatus, PanelApplicationDto } from './dto/panel.dto.js';

interface ApplicationRow {
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

function toDto(row: ApplicationRow): PanelApplicationDto {
  return {
    id: row.id,
    motivation: row.motivation,
    status: row.status,
    decisionReason: row.decision_reason,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
  };
}

function toAdminDto(row: ApplicationRow): AdminPanelApplicationDto {
  return {
    ...toDto(row),
    applicant: { id: row.user_id, username: row.username, displayName: row.display_name, role: row.role },
  };
}

/** Joining the panel (the closed categories): a member applies, an administrator decides, the member sees the outcome. */
@Injectable()
export class PanelService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async apply(policy: Policy, motivation: string): Promise<PanelApplicationDto> {
    ensure(policy.canApplyToPanel());
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO panel_applications (user_id, motivation) VALUES ($1, $2)
       ON CONFLICT (user_id) WHERE status = 'pending' DO NOTHING
       RETURNING id`,
      [policy.userId, motivation],
    );
    if (!inserted[0]) throw conflict('already_applied', 'You have applied already; an administrator will answer.');
    const [row]: ApplicationRow[] = await this.db.query(`${SELECT} WHERE a.id = $1`, [inserted[0].id]);
    return toDto(row);
  }

  async mine(policy: Policy): Promise<PanelApplicationDto[]> {
    ensure(policy.can('account.use'));
    const rows: ApplicationRow[] = await this.db.query(
      `${SELECT} WHERE a.user_id = $1 ORDER BY a.created_at DESC, a.id DESC`,
      [policy.userId],
    );
    return rows.map(toDto);
  }

  async list(
    policy: Policy,
    status: ApplicationStatus | undefined,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<AdminPanelApplicationDto>> {
    ensure(policy.can('admin.panel_applications'));
    const after = decodeCursor(cursor, ['date', 'uuid']);
    const rows: ApplicationRow[] = await this.db.query(
      `${SELECT}
       WHERE ($1::text IS NULL OR a.status = $1) AND ($2::timestamptz IS NULL OR (a.created_at, a.id) < ($2::timestamptz, $3::uuid))
       ORDER BY a.created_at DESC, a.id DESC
       LIMIT $4`,
      [status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return toPage(rows, limit, (r) => [r.created_key, r.id], toAdminDto);
  }

  /** Approving makes a member `panel` (a higher role stays as it is); each decision is audited. */
  async decide(
    policy: Policy,
    id: string,
    to: 'approved' | 'rejected',
    reason: string | undefined,
  ): Promise<AdminPanelApplicationDto> {
    ensure(policy.can('admin.panel_applications'));
    return this.db.transaction(async (tx) => {
      const [current]: ApplicationRow[] = await tx.query(`${SELECT} WHERE a.id = $1 FOR UPDATE OF a`, [id]);
      if (!current) throw notFound('There is no such application.');
      if (current.status !== 'pending') throw conflict('already_handled', 'This application has been decided already.');
      await tx.query(
        `UPDATE panel_applications SET status = $2, decision_reason = $3, decided_by = $4, decided_at = clock_timestamp() WHERE id = $1`,
        [id, to, reason ?? null, policy.userId],
      );
      if (to === 'approved')
        await tx.query(`UPDATE users SET role = 'panel' WHERE id = $1 AND role = 'member'`, [current.user_id]);
      await this.audit.record(tx, {
        actorId: policy.userId ?? null,
        action: 'panel_application',
        targetType: 'panel_application',
        targetId: id,
        reason: reason ?? null,
        meta: { decision: to },
      });
      const [updated]: ApplicationRow[] = await tx.query(`${SELECT} WHERE a.id = $1`, [id]);
      return toAdminDto(updated);
    });
  }
}
