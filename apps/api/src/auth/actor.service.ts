import { Injectable } from '@nestjs/common';
import { GUEST, type Actor } from '#libs/policy';
import { StandingService } from '../sanctions/standing.service.js';
import type { SessionUser } from './session-user.js';

/** Builds the policy's actor from the session user, with their standing (sanctions) filled in. */
@Injectable()
export class ActorService {
  constructor(private readonly standing: StandingService) {}

  async actorFor(user: SessionUser | undefined): Promise<Actor> {
    if (!user) return GUEST;
    const { mute } = await this.standing.forUser(user);
    return mute
      ? { kind: 'user', id: user.id, role: user.role, muted: true, mutedUntil: mute.until }
      : { kind: 'user', id: user.id, role: user.role };
  }
}
