import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Work another feature does, in the same transaction, when a user's role changes. */
export type RoleChangeHook = (tx: EntityManager, userId: string) => Promise<void>;

/**
 * Where features that keep something granted by a role hear of a new role (the calendar drops
 * sign-ups outside the new audience). Features register here; the users feature does not know them.
 */
@Injectable()
export class RoleChangesService {
  private readonly hooks: RoleChangeHook[] = [];

  register(hook: RoleChangeHook): void {
    this.hooks.push(hook);
  }

  async changed(tx: EntityManager, userId: string): Promise<void> {
    for (const hook of this.hooks) await hook(tx, userId);
  }
}
