import { Injectable } from '@nestjs/common';
import { HELPLINES, type Helpline } from '#libs/contracts';
import { UsersRepository } from '../users/users.repository.js';

export interface CrisisSupport {
  resources: Helpline[];
  /** Whether a moderator is on duty now, so the writer is told plainly when nobody is. */
  staffed: boolean;
}

/** What a writer whose words matched `crisis` is shown: the helplines, and whether anyone is on duty. */
@Injectable()
export class CrisisSupportService {
  constructor(private readonly users: UsersRepository) {}

  async staffed(): Promise<boolean> {
    return this.users.anyoneOnDuty(['moderator', 'admin']);
  }

  async support(): Promise<CrisisSupport> {
    return { resources: HELPLINES.map((h) => ({ ...h })), staffed: await this.staffed() };
  }
}
