import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { UsersService } from './users.service.js';

/**
 * ADMIN_USERNAME/ADMIN_PASSWORD create or reset that admin at every start. With neither set and no
 * admin yet, an admin "admin" gets a random password, printed once.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

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
        await this.users.create({
          username: wanted.username,
          password: wanted.password,
          displayName: 'Administrator',
          role: 'admin',
        });
      }
      return;
    }
    if ((await this.users.countAdmins()) > 0) return;
    const password = randomBytes(12).toString('base64url');
    const taken = await this.users.findByUsername('admin');
    const username = taken ? `admin-${randomBytes(3).toString('hex')}` : 'admin';
    await this.users.create({ username, password, displayName: 'Administrator', role: 'admin' });
    // Printed once, straight to the console: it must not depend on the log level.
    process.stdout.write(
      `\nAn administrator was created: username "${username}", password "${password}". Change it after logging in.\n\n`,
    );
    this.logger.log('Administrator created on first start');
  }
}
