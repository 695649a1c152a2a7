import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROLES, roleAtLeast } from '#libs/contracts';

/** The roles that moderate (and so can be on duty). */
export const MODERATING_ROLES = ROLES.filter((r) => roleAtLeast(r, 'moderator'));

/** Whether a moderator is on duty right now: anyone may ask, so a writer in crisis is told plainly when nobody is. */
@Injectable()
export class StaffingService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async staffed(): Promise<boolean> {
    const [row]: { staffed: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM users WHERE role = ANY($1::text[]) AND on_duty_until > now()) AS staffed`,
      [MODERATING_ROLES],
    );
    return row.staffed;
  }
}
