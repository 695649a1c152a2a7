import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { ApiError } from '../common/api-error.js';
import type { FirstAdmin } from './first-admin-notice.js';
import { UsersService } from './users.service.js';

/**
 * ADMIN_USERNAME/ADMIN_PASSWORD create or reset that admin at every start. With neither set and no
 * admin yet, an admin "admin" gets a random password, told once (main.ts prints it after the
 * server is up: `createdOnThisStart`).
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');
  /** The administrator this start created with a generated password, to tell once. */
  createdOnThisStart: FirstAdmin | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly tx: Transactions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const wanted = this.config.admin;
    if (wanted) {
      const existing = await this.users.findByUsername(wanted.username);
      if (existing) {
        await this.users.setPassword(existing.id, wanted.password);
        if (existing.role !== 'admin') await this.tx.run((tx) => this.users.setRole(tx, existing.id, 'admin'));
      } else {
        await this.createAdmin(wanted.username, wanted.password);
      }
      return;
    }
    if ((await this.users.countAdmins()) > 0) return;
    const password = randomBytes(12).toString('base64url');
    const taken = await this.users.findByUsername('admin');
    const username = taken ? `admin-${randomBytes(3).toString('hex')}` : 'admin';
    await this.createAdmin(username, password);
    this.createdOnThisStart = { username, password };
    this.logger.log('Administrator created on first start');
  }

  /** Named "Administrator", unless another administrator is already (the look-alike rule): then by the username. */
  private async createAdmin(username: string, password: string): Promise<void> {
    try {
      await this.users.create({ username, password, displayName: 'Administrator', role: 'admin', bySystem: true });
    } catch (e) {
      if (!(e instanceof ApiError) || (e.getResponse() as { code?: string }).code !== 'name_taken') throw e;
      await this.users.create({ username, password, role: 'admin', bySystem: true });
    }
  }
}
