import { Injectable } from '@nestjs/common';
import { PassportSerializer } from '@nestjs/passport';
import { UsersService } from '../users/users.service.js';
import type { SessionUser } from './session-user.js';

/** The session keeps only the user id; the user is loaded fresh per request, so a role change or a deletion applies at once. */
@Injectable()
export class SessionSerializer extends PassportSerializer {
  constructor(private readonly users: UsersService) {
    super();
  }

  serializeUser(user: SessionUser, done: (err: unknown, payload?: { id: string }) => void): void {
    done(null, { id: user.id });
  }

  deserializeUser(payload: { id?: string }, done: (err: unknown, user?: SessionUser | false) => void): void {
    if (!payload?.id) return done(null, false);
    this.users.findSessionUser(payload.id).then((user) => done(null, user ?? false), done);
  }
}
