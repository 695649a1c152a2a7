import { Injectable } from '@nestjs/common';
import { GUEST, type Actor } from '#libs/policy';
import type { SessionUser } from './session-user.js';

/** Builds the policy's actor from the session user, with their standing (sanctions) filled in. */
@Injectable()
export class ActorService {
  async actorFor(user: SessionUser | undefined): Promise<Actor> {
    if (!user) return GUEST;
    return { kind: 'user', id: user.id, role: user.role };
  }
}
