import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HELPLINES, type Helpline } from '#libs/screening';

export interface CrisisSupport {
  resources: Helpline[];
  /** Whether a moderator is on duty now, so the writer is told plainly when nobody is. */
  staffed: boolean;
}

/** What a writer whose words matched `crisis` is shown: the helplines, and whether anyone is on duty. */
@Injectable()
export class CrisisSupportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async staffed(): Promise<boolean> {
    const rows: { staffed: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM users WHERE role IN ('moderator', 'admin') AND on_duty_until > now()) AS staffed`,
    );
    return rows[0]?.staffed === true;
  }

  async support(): Promise<CrisisSupport> {
    return { resources: HELPLINES.map((h) => ({ ...h })), staffed: await this.staffed() };
  }
}
