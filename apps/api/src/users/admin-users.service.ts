import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '#libs/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { SessionUser } from '../auth/session-user.js';
import { conflict } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { toUserDto, type UserDto, type UserPageDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  get publicUrl(): string | undefined {
    return this.config.publicUrl;
  }

  list(q: string | undefined, limit: number, cursor: string | undefined): Promise<UserPageDto> {
    return this.users.list(q, limit, cursor);
  }

  async setRole(actor: SessionUser, id: string, role: Role): Promise<UserDto> {
    const target = await this.users.get(id);
    if (target.role === 'admin' && role !== 'admin' && (await this.users.countAdmins()) <= 1) {
      throw conflict('last_admin', 'This is the only administrator; make someone else administrator first.');
    }
    const updated = await this.db.transaction(async (tx) => {
      const user = await this.users.setRole(id, role, tx);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'role',
        targetType: 'user',
        targetId: id,
        meta: { from: target.role, to: role },
      });
      return user;
    });
    return toUserDto(updated);
  }

  async resetLink(actor: SessionUser, id: string, origin: string): Promise<{ resetUrl: string; expiresAt: string }> {
    const { token, expiresAt } = await this.users.createResetToken(id);
    await this.audit.record(this.db.manager, {
      actorId: actor.id,
      action: 'password_reset',
      targetType: 'user',
      targetId: id,
    });
    // The token sits in the fragment, which browsers never send to a server or write to its logs.
    return { resetUrl: `${origin}/nytt-passord#${token}`, expiresAt: expiresAt.toISOString() };
  }
}
