import { Inject, Injectable } from '@nestjs/common';
import { webRoutes, type Role } from '#libs/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { SessionUser } from '../auth/session-user.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApiError } from '../common/api-error.js';
import { Transactions } from '../database/transactions.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { toUserDto, type UserDto, type UserPageDto } from './dto/user.dto.js';
import { RoleChangesService } from './role-changes.service.js';
import { UsersService } from './users.service.js';

@Injectable()
export class AdminUsersService {
  constructor(
    private readonly tx: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeService,
    private readonly roleChanges: RoleChangesService,
  ) {}

  list(q: string | undefined, limit: number, cursor: string | undefined): Promise<UserPageDto> {
    return this.users.list(q, limit, cursor);
  }

  async setRole(actor: SessionUser, id: string, role: Role): Promise<UserDto> {
    const updated = await this.tx.run(async (tx) => {
      const { before, after } = await this.users.setRole(tx, id, role);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'role',
        targetType: 'user',
        targetId: id,
        meta: { from: before.role, to: role },
      });
      if (before.role !== role) await this.roleChanges.changed(tx, id);
      return { before, after };
    });
    // Every open socket was let in under the old role (the panel's café room, /mod, host alerts).
    if (updated.before.role !== role) await this.realtime.endSockets(id);
    return toUserDto(updated.after);
  }

  async resetLink(actor: SessionUser, id: string): Promise<{ resetUrl: string; expiresAt: string }> {
    const base = this.config.linkBase;
    if (!base)
      throw new ApiError(
        503,
        'public_url_missing',
        'Reset links need the server to know its public address: set PUBLIC_URL and restart.',
      );
    const { token, expiresAt } = await this.tx.run(async (tx) => {
      const link = await this.users.createResetToken(id, tx);
      await this.audit.record(tx, { actorId: actor.id, action: 'password_reset', targetType: 'user', targetId: id });
      return link;
    });
    return { resetUrl: `${base}${webRoutes.resetPassword(token)}`, expiresAt: expiresAt.toISOString() };
  }
}
