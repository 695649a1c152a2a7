import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Passport } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { IdentityService } from '../identity/identity.service.js';
import { AuthService } from './auth.service.js';
import { DeviceCookies } from './device-cookies.js';
import type { SessionUser } from './session-user.js';

/**
 * This app's own Passport instance (not the process-wide singleton, whose serializers would pile
 * up across app instances in one process). The session keeps only the user id; the user is loaded
 * fresh per request, so a role change, a ban or a deletion applies at once.
 */
@Injectable()
export class Authenticator {
  readonly passport = new Passport();

  constructor(auth: AuthService, identity: IdentityService, devices: DeviceCookies) {
    this.passport.use(
      'local',
      new LocalStrategy(
        { passReqToCallback: true },
        (req: Request, username: string, password: string, done: (err: unknown, user?: SessionUser) => void) => {
          const device = devices.deviceFor(req, username);
          auth
            .verifyCredentials(username, password, req.ip ?? 'unknown', device)
            .then((user) => done(null, user), done);
        },
      ),
    );
    this.passport.serializeUser((user, done) => done(null, { id: (user as SessionUser).id }));
    this.passport.deserializeUser(
      (req: Request, payload: { id?: string }, done: (err: unknown, user?: SessionUser | false) => void) => {
        if (!payload?.id) return done(null, false);
        identity.sessionUser(payload.id, req.sessionID).then((user) => done(null, user), done);
      },
    );
  }

  /** Checks the credentials in the body; resolves with the user or rejects with the API error. */
  verify(req: Request): Promise<SessionUser> {
    return new Promise((resolve, reject) => {
      this.passport.authenticate('local', { session: false }, (err: unknown, user: SessionUser | false) => {
        if (err) return reject(err);
        if (!user) return reject(new Error('passport-local gave no user'));
        resolve(user);
      })(req, {} as never, reject);
    });
  }
}
