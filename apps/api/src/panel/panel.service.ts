import { Injectable } from '@nestjs/common';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { conflict, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { Transactions } from '../database/transactions.js';
import { UsersService } from '../users/users.service.js';
import type { AdminPanelApplicationDto, ApplicationStatus, PanelApplicationDto } from './dto/panel.dto.js';
import { PanelRepository, type ApplicationRow } from './panel.repository.js';

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
    private readonly applications: PanelRepository,
    private readonly tx: Transactions,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async apply(policy: Policy, motivation: string): Promise<PanelApplicationDto> {
    ensure(policy.canApplyToPanel());
    const id = await this.applications.insert(policy.userId!, motivation);
    if (!id) throw conflict('already_applied', 'You have applied already; an administrator will answer.');
    return toDto((await this.applications.find(undefined, id))!);
  }

  async mine(policy: Policy): Promise<PanelApplicationDto[]> {
    ensure(policy.can('account.use'));
    return (await this.applications.byUser(policy.userId!)).map(toDto);
  }

  async list(
    policy: Policy,
    status: ApplicationStatus | undefined,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<AdminPanelApplicationDto>> {
    ensure(policy.can('admin.panel_applications'));
    const after = decodeCursor(cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.applications.page(status ?? null, after, limit + 1);
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
    return this.tx.run(async (tx) => {
      const current = await this.applications.find(tx, id, true);
      if (!current) throw notFound('There is no such application.');
      if (current.status !== 'pending') throw conflict('already_handled', 'This application has been decided already.');
      await this.applications.decide(tx, id, to, reason ?? null, policy.userId ?? null);
      if (to === 'approved') await this.users.promoteToPanel(tx, current.user_id);
      await this.audit.record(tx, {
        actorId: policy.userId ?? null,
        action: 'panel_application',
        targetType: 'panel_application',
        targetId: id,
        reason: reason ?? null,
        meta: { decision: to },
      });
      return toAdminDto((await this.applications.find(tx, id))!);
    });
  }
}
